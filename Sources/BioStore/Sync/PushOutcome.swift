/// What a push changed on the server.
public struct PushOutcome: Sendable, Equatable {
  /// The references it created or moved there (`refs/heads/main`, `refs/tags/engagements/NAME`).
  public var moved: [String] = []
  /// The engagements it retired there, because this store retired them (`untag`) since the server recorded them.
  public var retired: [String] = []
}

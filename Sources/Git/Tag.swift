/// An annotated tag copied out of libgit2: what it points at, who made it, and its message.
public struct Tag: Hashable, Sendable {
  /// The tag object's own id.
  public let id: ObjectID
  /// The id of the object it points at.
  public let targetID: ObjectID
  /// What kind of object it points at.
  public let targetKind: ObjectKind
  /// The name recorded inside the tag (`engagements/sc24-tpc`).
  public let name: String
  /// Who made it and when, if the tag records it (stock git always does).
  public let tagger: Signature?
  /// The full message.
  public let message: String
}

/// A commit copied out of libgit2: ids, signatures and message as plain values.
public struct Commit: Hashable, Sendable {
  /// The commit's own id.
  public let id: ObjectID
  /// The id of its root tree.
  public let treeID: ObjectID
  /// Its parents' ids, first parent first.
  public let parentIDs: [ObjectID]
  /// Who wrote the change and when (biostore's as-of date).
  public let author: Signature
  /// Who recorded it and when.
  public let committer: Signature
  /// The full commit message.
  public let message: String
}

/// The four kinds of git object.
public enum ObjectKind: Hashable, Sendable {
  /// A commit.
  case commit
  /// A tree.
  case tree
  /// A blob (file contents).
  case blob
  /// An annotated tag.
  case tag
}

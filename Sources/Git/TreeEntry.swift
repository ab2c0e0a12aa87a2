/// One entry of a tree: its name, the object it names, and its file mode.
public struct TreeEntry: Hashable, Sendable {
  /// The entry's file name (no slashes).
  public let name: String
  /// The id of the blob or tree it names.
  public let id: ObjectID
  /// The git file mode (`0o100644` for a regular file, `0o40000` for a tree).
  public let mode: UInt32

  /// Whether the entry is a regular (non-executable or executable) file.
  public var isFile: Bool { mode == 0o100644 || mode == 0o100755 }
}

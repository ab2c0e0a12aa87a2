internal import Clibgit2

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

extension TreeEntry {
  /// The entry libgit2 holds at `entry`, copied out.
  init(_ entry: OpaquePointer) {
    self.init(
      name: String(cString: git_tree_entry_name(entry)),
      id: ObjectID(git_tree_entry_id(entry).pointee),
      mode: git_tree_entry_filemode(entry).rawValue)
  }
}

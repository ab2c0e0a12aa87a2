internal import Clibgit2

/// One entry that differs between two trees at their root: added (no `old`), deleted (no `new`), or given another object or mode.
public struct TreeChange: Sendable {
  /// The entry before, or nil when it was added.
  public let old: TreeEntry?
  /// The entry after, or nil when it was deleted.
  public let new: TreeEntry?
}

extension Repository {
  /// The entries at the root of `newTree` that differ from those of `oldTree` (nil: an empty tree), in git's order; folders are not entered.
  ///
  /// Both trees are merged in git's order straight from libgit2's entries, and only the entries
  /// that differ are copied out: a walk of 100,000 commits would otherwise copy every entry of
  /// every tree. Wraps `git_tree_lookup` and `git_tree_entry_cmp`.
  public func changes(from oldTree: ObjectID?, to newTree: ObjectID) throws(GitError)
    -> [TreeChange]
  {
    var old: OpaquePointer?
    if var id = oldTree?.oid { try check(git_tree_lookup(&old, pointer, &id), "git_tree_lookup") }
    defer { git_tree_free(old) }
    var new: OpaquePointer?
    var newID = newTree.oid
    try check(git_tree_lookup(&new, pointer, &newID), "git_tree_lookup")
    defer { git_tree_free(new) }
    let oldCount = old.map { git_tree_entrycount($0) } ?? 0
    let newCount = git_tree_entrycount(new)
    var changes: [TreeChange] = []
    var (oldIndex, newIndex) = (0, 0)
    while oldIndex < oldCount || newIndex < newCount {
      let before = oldIndex < oldCount ? git_tree_entry_byindex(old, oldIndex) : nil
      let after = newIndex < newCount ? git_tree_entry_byindex(new, newIndex) : nil
      let order: Int32 =
        if let before, let after { git_tree_entry_cmp(before, after) } else {
          before == nil ? 1 : -1
        }
      if order < 0 {
        changes.append(TreeChange(old: TreeEntry(before!), new: nil))
        oldIndex += 1
      } else if order > 0 {
        changes.append(TreeChange(old: nil, new: TreeEntry(after!)))
        newIndex += 1
      } else {
        if git_oid_equal(git_tree_entry_id(before), git_tree_entry_id(after)) == 0
          || git_tree_entry_filemode(before) != git_tree_entry_filemode(after)
        {
          changes.append(TreeChange(old: TreeEntry(before!), new: TreeEntry(after!)))
        }
        oldIndex += 1
        newIndex += 1
      }
    }
    return changes
  }
}

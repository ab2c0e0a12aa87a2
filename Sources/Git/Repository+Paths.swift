internal import Clibgit2

extension Repository {
  /// The blob at `path` (slash-separated, from the root) in the tree `treeID`, or nil when there is no file there.
  ///
  /// Wraps `git_tree_entry_bypath`.
  public func blobID(atPath path: String, inTree treeID: ObjectID) throws(GitError) -> ObjectID? {
    var treeOID = treeID.oid
    var tree: OpaquePointer?
    try check(git_tree_lookup(&tree, pointer, &treeOID), "git_tree_lookup")
    defer { git_tree_free(tree) }
    var entry: OpaquePointer?
    do {
      try check(git_tree_entry_bypath(&entry, tree, path), "git_tree_entry_bypath")
    } catch  where error.kind == .notFound {
      return nil
    }
    defer { git_tree_entry_free(entry) }
    guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
    return ObjectID(git_tree_entry_id(entry).pointee)
  }

  /// The path in `oldTree` that `path` in `newTree` came from by a rename (git's rename detection: 50% similar or more), or with `copies` also by a copy of any file of `oldTree`; nil when neither.
  ///
  /// Wraps `git_diff_tree_to_tree` and `git_diff_find_similar` with `GIT_DIFF_FIND_RENAMES`, and
  /// for copies `GIT_DIFF_FIND_COPIES_FROM_UNMODIFIED` over a diff that includes unmodified files
  /// (what `git log --follow -C` and `--find-copies-harder` consider).
  public func renameSource(
    of path: String, from oldTree: ObjectID, to newTree: ObjectID, copies: Bool = false
  ) throws(GitError) -> String? {
    var oldOID = oldTree.oid
    var newOID = newTree.oid
    var old: OpaquePointer?
    var new: OpaquePointer?
    try check(git_tree_lookup(&old, pointer, &oldOID), "git_tree_lookup")
    defer { git_tree_free(old) }
    try check(git_tree_lookup(&new, pointer, &newOID), "git_tree_lookup")
    defer { git_tree_free(new) }
    var diffOptions = git_diff_options()
    try check(
      git_diff_options_init(&diffOptions, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init"
    )
    if copies { diffOptions.flags |= GIT_DIFF_INCLUDE_UNMODIFIED.rawValue }
    var diff: OpaquePointer?
    try check(
      git_diff_tree_to_tree(&diff, pointer, old, new, &diffOptions), "git_diff_tree_to_tree")
    defer { git_diff_free(diff) }
    var options = git_diff_find_options()
    try check(
      git_diff_find_options_init(&options, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)),
      "git_diff_find_options_init")
    options.flags = GIT_DIFF_FIND_RENAMES.rawValue
    if copies {
      options.flags |= GIT_DIFF_FIND_COPIES.rawValue | GIT_DIFF_FIND_COPIES_FROM_UNMODIFIED.rawValue
    }
    try check(git_diff_find_similar(diff, &options), "git_diff_find_similar")
    for index in 0..<git_diff_num_deltas(diff) {
      guard let delta = git_diff_get_delta(diff, index),
        delta.pointee.status == GIT_DELTA_RENAMED || delta.pointee.status == GIT_DELTA_COPIED,
        String(cString: delta.pointee.new_file.path) == path
      else { continue }
      return String(cString: delta.pointee.old_file.path)
    }
    return nil
  }
}

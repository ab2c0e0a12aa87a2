internal import Clibgit2

extension Repository {
  /// Brings the index entries for several work-tree files in line with the files on disk (removing those marked absent), and writes the index once.
  ///
  /// Wraps `git_index_add_bypath` / `git_index_remove_bypath` and `git_index_write`; throws `.locked`
  /// when another git process holds `index.lock`.
  public func stageWorkTreeFiles(_ files: [(path: String, exists: Bool)]) throws(GitError) {
    var index: OpaquePointer?
    try check(git_repository_index(&index, pointer), "git_repository_index")
    defer { git_index_free(index) }
    try check(git_index_read(index, 1), "git_index_read")
    for file in files {
      if file.exists {
        try check(git_index_add_bypath(index, file.path), "git_index_add_bypath")
      } else {
        try check(git_index_remove_bypath(index, file.path), "git_index_remove_bypath")
      }
    }
    try check(git_index_write(index), "git_index_write")
  }

  /// The paths of files that differ between two trees (`from` nil: the empty tree), as git's diff names them.
  ///
  /// Wraps `git_diff_tree_to_tree`.
  public func changedPaths(from oldTree: ObjectID?, to newTree: ObjectID) throws(GitError)
    -> [String]
  {
    var old: OpaquePointer?
    if var oid = oldTree?.oid {
      try check(git_tree_lookup(&old, pointer, &oid), "git_tree_lookup")
    }
    defer { git_tree_free(old) }
    var newOID = newTree.oid
    var new: OpaquePointer?
    try check(git_tree_lookup(&new, pointer, &newOID), "git_tree_lookup")
    defer { git_tree_free(new) }
    var diff: OpaquePointer?
    try check(git_diff_tree_to_tree(&diff, pointer, old, new, nil), "git_diff_tree_to_tree")
    defer { git_diff_free(diff) }
    var paths: [String] = []
    for index in 0..<git_diff_num_deltas(diff) {
      guard let delta = git_diff_get_delta(diff, index) else { continue }
      paths.append(String(cString: delta.pointee.new_file.path ?? delta.pointee.old_file.path))
    }
    return paths
  }

  /// Brings `paths` in the work tree and the index to what the tree `treeID` holds, as `git checkout` would after the branch moved there from `baseline` (nil: the empty tree), without touching a file changed by hand.
  ///
  /// Wraps `git_checkout_tree` with `GIT_CHECKOUT_SAFE`, limited to `paths` and told the old tree
  /// as its baseline, so a file the move adds is created and one it deletes is removed, while a
  /// file edited since is left as it is (and reported as a conflict). libgit2 refuses paths that
  /// would leave the work tree (`..`, `.git`).
  public func checkOut(paths: [String], of treeID: ObjectID, from baseline: ObjectID?)
    throws(GitError)
  {
    guard !paths.isEmpty else { return }
    var oid = treeID.oid
    var tree: OpaquePointer?
    try check(git_object_lookup(&tree, pointer, &oid, GIT_OBJECT_TREE), "git_object_lookup")
    defer { git_object_free(tree) }
    var base: OpaquePointer?
    if var baseOID = baseline?.oid {
      try check(git_tree_lookup(&base, pointer, &baseOID), "git_tree_lookup")
    } else {
      // The empty tree, written so it can be looked up.
      var builder: OpaquePointer?
      try check(git_treebuilder_new(&builder, pointer, nil), "git_treebuilder_new")
      defer { git_treebuilder_free(builder) }
      var empty = git_oid()
      try check(git_treebuilder_write(&empty, builder), "git_treebuilder_write")
      try check(git_tree_lookup(&base, pointer, &empty), "git_tree_lookup")
    }
    defer { git_tree_free(base) }
    var options = git_checkout_options()
    try check(
      git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)),
      "git_checkout_options_init")
    options.checkout_strategy =
      GIT_CHECKOUT_SAFE.rawValue | GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue
    options.baseline = base
    let result = withStringArray(paths) { array in
      options.paths = array
      return git_checkout_tree(pointer, tree, &options)
    }
    try check(result, "git_checkout_tree")
  }
}

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
}

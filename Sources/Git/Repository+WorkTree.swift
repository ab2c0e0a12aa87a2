internal import Clibgit2

extension Repository {
  /// Brings the index entry for the work-tree file `path` in line with the file on disk (or removes it when the file is gone), and writes the index.
  ///
  /// Wraps `git_index_add_bypath` / `git_index_remove_bypath` and `git_index_write`; add_bypath also records the file's stat data, so `git status` stays quick and clean.
  public func stageWorkTreeFile(_ path: String, exists: Bool) throws(GitError) {
    var index: OpaquePointer?
    try check(git_repository_index(&index, pointer), "git_repository_index")
    defer { git_index_free(index) }
    // Another process may have written the index since we opened the repository.
    try check(git_index_read(index, 1), "git_index_read")
    if exists {
      try check(git_index_add_bypath(index, path), "git_index_add_bypath")
    } else {
      try check(git_index_remove_bypath(index, path), "git_index_remove_bypath")
    }
    try check(git_index_write(index), "git_index_write")
  }

  /// The value of a config key such as `user.name` from the repository's config and the user's, or nil if unset.
  ///
  /// Wraps `git_repository_config_snapshot` and `git_config_get_string`.
  public func configString(_ key: String) throws(GitError) -> String? {
    var config: OpaquePointer?
    try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
    defer { git_config_free(config) }
    var value: UnsafePointer<CChar>?
    do {
      try check(git_config_get_string(&value, config, key), "git_config_get_string")
    } catch  where error.kind == .notFound {
      return nil
    }
    return value.map { String(cString: $0) }
  }
}

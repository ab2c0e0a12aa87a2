internal import Clibgit2

extension Repository {
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

  /// The value of `key` in the repository's own config (`.git/config`) only, or nil if unset there: what a user's global config says does not count.
  ///
  /// Wraps `git_repository_config_snapshot`, `git_config_open_level` (`GIT_CONFIG_LEVEL_LOCAL`) and
  /// `git_config_get_string`.
  public func localConfigString(_ key: String) throws(GitError) -> String? {
    var config: OpaquePointer?
    try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
    defer { git_config_free(config) }
    var local: OpaquePointer?
    do {
      try check(
        git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
    } catch  where error.kind == .notFound {
      return nil
    }
    defer { git_config_free(local) }
    var value: UnsafePointer<CChar>?
    do {
      try check(git_config_get_string(&value, local, key), "git_config_get_string")
    } catch  where error.kind == .notFound {
      return nil
    }
    return value.map { String(cString: $0) }
  }

  /// Sets `key` to `value` in the repository's own config (`.git/config`), as `git config KEY VALUE` would.
  ///
  /// Wraps `git_repository_config`, `git_config_open_level` (`GIT_CONFIG_LEVEL_LOCAL`) and
  /// `git_config_set_string`, which writes the file through a lock and a rename.
  public func setLocalConfigString(_ key: String, to value: String) throws(GitError) {
    var config: OpaquePointer?
    try check(git_repository_config(&config, pointer), "git_repository_config")
    defer { git_config_free(config) }
    var local: OpaquePointer?
    try check(
      git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
    defer { git_config_free(local) }
    try check(git_config_set_string(local, key, value), "git_config_set_string")
  }
}

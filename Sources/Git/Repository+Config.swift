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
    try withLocalConfig(snapshot: true) { (local) throws(GitError) -> String? in
      guard let local else { return nil }
      var value: UnsafePointer<CChar>?
      let result = git_config_get_string(&value, local, key)
      guard result != GIT_ENOTFOUND.rawValue else { return nil }
      try check(result, "git_config_get_string")
      return value.map { String(cString: $0) }
    }
  }

  /// Sets `key` to `value` in the repository's own config (`.git/config`), as `git config KEY VALUE` would.
  ///
  /// Wraps `git_repository_config`, `git_config_open_level` (`GIT_CONFIG_LEVEL_LOCAL`) and
  /// `git_config_set_string`, which writes the file through a lock and a rename.
  public func setLocalConfigString(_ key: String, to value: String) throws(GitError) {
    try withLocalConfig(snapshot: false) { (local) throws(GitError) in
      try check(git_config_set_string(local, key, value), "git_config_set_string")
    }
  }

  /// Every value of a multi-valued `key` in the repository's own config (`.git/config`), in file order, as `git config --local --get-all KEY` lists them.
  ///
  /// Wraps `git_config_open_level` (`GIT_CONFIG_LEVEL_LOCAL`) and `git_config_get_multivar_foreach`.
  public func localConfigValues(_ key: String) throws(GitError) -> [String] {
    try withLocalConfig(snapshot: true) { (local) throws(GitError) -> [String] in
      guard let local else { return [] }
      return try configValues(key, in: local)
    }
  }

  /// The values of `key` in the config `local`, read through `git_config_get_multivar_foreach`.
  private func configValues(_ key: String, in local: OpaquePointer) throws(GitError) -> [String] {
    final class Values { var list: [String] = [] }
    let values = Values()
    let result = withExtendedLifetime(values) {
      git_config_get_multivar_foreach(
        local, key, nil,
        { entry, payload in
          guard let entry, let payload, let value = entry.pointee.value else { return 0 }
          Unmanaged<Values>.fromOpaque(payload).takeUnretainedValue().list.append(
            String(cString: value))
          return 0
        }, Unmanaged.passUnretained(values).toOpaque())
    }
    guard result != GIT_ENOTFOUND.rawValue else { return [] }
    try check(result, "git_config_get_multivar_foreach")
    return values.list
  }

  /// Adds `value` to the multi-valued `key` in the repository's own config, keeping the values it has, as `git config --local --add KEY VALUE` does.
  ///
  /// Wraps `git_config_set_multivar` with a pattern no value matches, which appends.
  public func addLocalConfigValue(_ key: String, _ value: String) throws(GitError) {
    try withLocalConfig(snapshot: false) { (local) throws(GitError) in
      try check(git_config_set_multivar(local, key, "$^", value), "git_config_set_multivar")
    }
  }

  /// Calls `body` with the repository's own config level (`.git/config`): a read-only snapshot for reading, the live config for writing; nil when a snapshot has no such level.
  ///
  /// Wraps `git_repository_config_snapshot` or `git_repository_config`, and `git_config_open_level`.
  private func withLocalConfig<T>(
    snapshot: Bool, _ body: (OpaquePointer?) throws(GitError) -> T
  ) throws(GitError) -> T {
    var config: OpaquePointer?
    if snapshot {
      try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
    } else {
      try check(git_repository_config(&config, pointer), "git_repository_config")
    }
    defer { git_config_free(config) }
    var local: OpaquePointer?
    do {
      try check(
        git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
    } catch  where error.kind == .notFound && snapshot {
      return try body(nil)
    }
    defer { git_config_free(local) }
    return try body(local)
  }
}

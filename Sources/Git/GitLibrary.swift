internal import Clibgit2

/// Process-wide libgit2 set-up: initialised once, before the first handle is made.
public enum GitLibrary {
  private static let initialized: Void = {
    git_libgit2_init()
    // libgit2 keeps every commit and tree it parses, up to 256 MB by default; biostore's walks read
    // each once, so the cache only made a 100,000-commit index build peak several hundred MB higher.
    _ = biostore_git_set_cache_max_size(16 * 1024 * 1024)
    // libgit2 hashes every object it reads again to check its id; git's ordinary reads do not
    // (`git fsck` checks, and objects arriving from elsewhere are checked: libgit2's indexer
    // still checks every fetched one). This holds for import-git's source repository too, read
    // as `git log` reads it. It was a sixth of a 100,000-commit index build.
    _ = biostore_git_set_strict_hash_verification(0)
  }()

  /// Initialises libgit2 if it has not been yet; every `Repository` entry point calls this.
  public static func initialize() {
    _ = initialized
  }

  /// Debian's bundle of the certificate authorities a system trusts.
  public static let systemCertificateFile = "/etc/ssl/certs/ca-certificates.crt"

  /// Loads the certificate authorities HTTPS checks servers against from `file`; only network commands call this, so local ones start fast.
  public static func loadCertificateAuthorities(from file: String) throws(GitError) {
    initialize()
    guard !CertificateBundle.loads else { return }
    CertificateBundle.loads = true
    try check(biostore_git_set_ssl_cert_locations(file, nil), "git_libgit2_opts")
  }

  /// Points libgit2's global, XDG and system config search at `path` ("" means none), keeping a user's config out of tests.
  public static func setConfigSearchPath(_ path: String) throws(GitError) {
    initialize()
    for level in [GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_SYSTEM] {
      try check(biostore_git_set_search_path(level, path), "git_libgit2_opts")
    }
  }
}

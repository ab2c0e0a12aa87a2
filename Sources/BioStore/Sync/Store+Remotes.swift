import Foundation
import Git

extension Store {
  /// The store's remotes by name, with their URLs, sorted by name.
  public func remotes() throws(StoreError) -> [(name: String, url: String)] {
    try storage { () throws(GitError) in
      var remotes: [(name: String, url: String)] = []
      for name in try repository.remoteNames() {
        if let url = try repository.remoteURL(name) { remotes.append((name, url)) }
      }
      return remotes
    }
  }

  /// Adds remote `name` at `url`; refused when the name is taken, or not a name as variants have them (`origin`, `laptop`), or the URL is empty.
  ///
  /// A relative path is made absolute here, so the remote means the same folder whichever
  /// folder a later `push` runs in (git would resolve it against the working directory each time).
  public func addRemote(_ name: String, url: String) throws(StoreError) {
    guard (try? VariantName(name)) != nil else { throw .badName(name, suggestion: "origin") }
    guard !url.trimmingWhitespace.isEmpty else { throw .emptyRemoteURL(name) }
    var url = url
    if Store.isLocalPath(url), !url.hasPrefix("/") {
      url =
        URL(
          fileURLWithPath: url,
          relativeTo: URL(
            fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        ).standardizedFileURL.path
    }
    if try storage({ () throws(GitError) in try repository.remoteURL(name) }) != nil {
      throw .remoteExists(name)
    }
    try storage { () throws(GitError) in try repository.addRemote(name, url: url) }
  }

  /// Removes remote `name` and what was fetched from it (engagements included); the store's own branch and tags are untouched.
  public func removeRemote(_ name: String) throws(StoreError) {
    try remoteURL(of: name)
    try storage { () throws(GitError) in
      try repository.removeRemote(name)
      for reference in try repository.referenceNames(under: Store.fetchedPrefix(of: name)) {
        if let target = try repository.referenceTarget(reference) {
          try repository.deleteReference(reference, expecting: target)
        }
      }
    }
  }

  /// Whether `url` is a path rather than a URL (`git://…`, `https://…`) or an scp-like `host:path`.
  static func isLocalPath(_ url: String) -> Bool {
    guard !url.contains("://") else { return false }
    guard let colon = url.firstIndex(of: ":") else { return true }
    // `host:path` has its colon before any slash; `./a:b` and `/srv/a:b` are paths.
    return url[..<colon].contains("/")
  }

  /// The URL of remote `name`, refusing an unknown name with the known ones.
  @discardableResult
  func remoteURL(of name: String) throws(StoreError) -> String {
    guard let url = try storage({ () throws(GitError) in try repository.remoteURL(name) }) else {
      throw .unknownRemote(name, known: try remotes().map(\.name))
    }
    return url
  }

  /// Where the remote's engagement tags are fetched to, beside git's `refs/remotes/NAME/` for its branches.
  static func fetchedPrefix(of remote: String) -> String {
    "refs/biostore/remotes/\(remote)/"
  }

  /// Where the engagement tags fetched from `remote` are kept: `refs/biostore/remotes/REMOTE/engagements/`.
  static func fetchedEngagementsPrefix(of remote: String) -> String {
    fetchedPrefix(of: remote) + "engagements/"
  }

  /// The remote-tracking reference of the store's branch at `remote` (`refs/remotes/origin/main`).
  func trackingReference(of remote: String) -> String {
    "refs/remotes/\(remote)/" + branch.dropFirst("refs/heads/".count)
  }

  /// The user name an HTTPS token goes with when `$BIOSTORE_USER` names none (GitHub and GitLab take any).
  static let tokenUser = "git"

  /// What a fetch or push to `url` offers a server: for HTTPS, `$BIOSTORE_TOKEN` (user `$BIOSTORE_USER`, else `tokenUser`), else the line of `~/.git-credentials` for the URL's host; for SSH, ssh-agent and `~/.ssh/id_ed25519` (then `id_ecdsa`, `id_rsa`), checked against `known_hosts`.
  func credentials(for url: String) -> Credentials {
    let home = settings.home ?? NSHomeDirectory()
    return Credentials(
      userPassword: settings.token.map { ($0.user ?? Store.tokenUser, $0.token) }
        ?? Store.storedCredential(for: url, in: home + "/.git-credentials"),
      sshAgent: settings.sshAgent,
      sshKeyFiles: ["id_ed25519", "id_ecdsa", "id_rsa"].map { home + "/.ssh/" + $0 },
      knownHostsFiles: [home + "/.ssh/known_hosts", "/etc/ssh/ssh_known_hosts"])
  }

  /// The user and password git's `store` credential helper keeps for `url`'s scheme and host (`https://user:token@host` lines), percent-decoded.
  private static func storedCredential(for url: String, in file: String) -> (String, String)? {
    guard let wanted = URLComponents(string: url), let host = wanted.host,
      let bytes = try? UnfollowedFile.read(file, limit: 1 << 20)
    else { return nil }
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
      guard let stored = URLComponents(string: String(line)), stored.scheme == wanted.scheme,
        stored.host == host, stored.port == wanted.port, let user = stored.user,
        let password = stored.password
      else { continue }
      return (
        user.removingPercentEncoding ?? user, password.removingPercentEncoding ?? password
      )
    }
    return nil
  }

  /// What connecting to `remote` needs, looked up once: its URL and the credentials to offer; the certificate authorities are loaded before the first HTTPS connection (local commands skip them to start fast).
  func connection(to remote: String) throws(StoreError) -> (url: String, credentials: Credentials) {
    let url = try remoteURL(of: remote)
    if url.lowercased().hasPrefix("https://") {
      do {
        try GitLibrary.loadCertificateAuthorities(
          from: settings.certificateFile ?? GitLibrary.systemCertificateFile)
      } catch {
        throw .remoteFailed(
          remote: remote, action: "connect to",
          reason:
            "the certificate authorities cannot be loaded (\(error.message)); set SSL_CERT_FILE")
      }
    }
    return (url, credentials(for: url))
  }

  /// The error for a fetch or push of `remote` (at `url`) that libgit2 reports failed, saying plainly when a path names no repository.
  func remoteFailure(_ error: GitError, remote: String, url: String, action: String)
    -> StoreError
  {
    var reason = error.message
    // libgit2 takes a path that does not exist for a URL of a protocol it does not know.
    if !url.contains("://"), !FileManager.default.fileExists(atPath: url) {
      reason = "there is no repository at \(url)"
    }
    return .remoteFailed(remote: remote, action: action, reason: reason)
  }

  /// Fetches the store's branch and every engagement tag from `remote`, into `refs/remotes/REMOTE/` and `refs/biostore/remotes/REMOTE/engagements/`, and returns the names of the references the remote has.
  ///
  /// Nothing is pruned here: an engagement the remote dropped keeps its remote-tracking tag until
  /// a pull, in its journaled write, retires it (so a pull killed after the fetch loses nothing).
  /// A fetched engagement that is no commit (a tag on a blob, made by hand) is dropped at once:
  /// libgit2 offers every reference as common ground on the next fetch, and fails on one that
  /// does not lead to a commit.
  @discardableResult
  func fetch(from remote: String) throws(StoreError) -> Set<String> {
    let short = branch.dropFirst("refs/heads/".count)
    let (url, credentials) = try connection(to: remote)
    let advertised: Set<String>
    do {
      advertised = try repository.fetch(
        from: remote,
        refspecs: [
          "+refs/heads/\(short):\(trackingReference(of: remote))",
          "+\(EngagementReader.prefix)*:\(Store.fetchedEngagementsPrefix(of: remote))*",
        ], credentials: credentials)
    } catch {
      throw remoteFailure(error, remote: remote, url: url, action: "fetch from")
    }
    let known = Store.fetchedEngagementsPrefix(of: remote)
    for (reference, target) in try storage({ () throws(GitError) in
      try repository.referenceTargets(under: known)
    }) where !repository.peelsToCommit(target) {
      try? repository.deleteReference(reference, expecting: target)
    }
    return advertised
  }
}

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

  /// Adds remote `name` at `url`; refused when the name is taken, or not a name as variants have them (`origin`, `laptop`).
  public func addRemote(_ name: String, url: String) throws(StoreError) {
    guard (try? VariantName(name)) != nil else { throw .badName(name, suggestion: "origin") }
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

  /// The remote-tracking reference of the store's branch at `remote` (`refs/remotes/origin/main`).
  func trackingReference(of remote: String) -> String {
    "refs/remotes/\(remote)/" + branch.dropFirst("refs/heads/".count)
  }

  /// What a fetch or push to `url` offers a server: ssh-agent and `~/.ssh/id_ed25519` (then `id_ecdsa`, `id_rsa`) for SSH; for HTTPS, `$BIOSTORE_TOKEN` (user `$BIOSTORE_USER`, else `git`), else the line of `~/.git-credentials` for the URL's host.
  static func credentials(for url: String) -> Credentials {
    let environment = ProcessInfo.processInfo.environment
    let home = environment["HOME"] ?? NSHomeDirectory()
    let token = environment["BIOSTORE_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    return Credentials(
      userPassword: token.map { (environment["BIOSTORE_USER"] ?? "git", $0) }
        ?? storedCredential(for: url, in: home + "/.git-credentials"),
      sshAgent: environment["SSH_AUTH_SOCK"] != nil,
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

  /// Loads the certificate authorities before the first HTTPS connection (local commands skip them to start fast).
  func prepareConnection(to remote: String) throws(StoreError) {
    let url = (try? remoteURL(of: remote)) ?? remote
    guard url.lowercased().hasPrefix("https://") else { return }
    do {
      try GitLibrary.loadCertificateAuthorities()
    } catch {
      throw .remoteFailed(
        remote: remote, action: "connect to",
        reason: "the certificate authorities cannot be loaded (\(error.message)); set SSL_CERT_FILE"
      )
    }
  }

  /// Fetches the store's branch and every engagement tag from `remote`, into `refs/remotes/REMOTE/` and `refs/biostore/remotes/REMOTE/engagements/`.
  func fetch(from remote: String) throws(StoreError) {
    let short = branch.dropFirst("refs/heads/".count)
    try prepareConnection(to: remote)
    do {
      try repository.fetch(
        from: remote,
        refspecs: [
          "+refs/heads/\(short):\(trackingReference(of: remote))",
          "+\(EngagementReader.prefix)*:\(Store.fetchedPrefix(of: remote))engagements/*",
        ], credentials: Store.credentials(for: (try? remoteURL(of: remote)) ?? remote))
    } catch {
      throw .remoteFailed(remote: remote, action: "fetch from", reason: error.message)
    }
  }
}

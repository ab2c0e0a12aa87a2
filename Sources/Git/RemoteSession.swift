internal import Clibgit2
import Foundation

/// One fetch or push in progress: the libgit2 callbacks' payload, which hands out each credential once, records how each pushed reference fared, and keeps the reason a callback gave up, for the error.
final class RemoteSession {
  /// What may be offered.
  let credentials: Credentials
  /// Each pushed reference and the server's answer, in the order the server gave them.
  var pushed: [PushedReference] = []
  /// The remote references the push would change (its new value differs from the remote's), as negotiated before sending.
  var changing: Set<String> = []
  /// The credentials offered so far, for the error when the server refuses them all.
  private(set) var offered: [String] = []
  /// Remote references a push may change only while they hold these commits.
  var leases: [String: ObjectID] = [:]
  /// Why a callback stopped the operation, when one did.
  var stopReason: String?
  private var nextKey = 0
  private var triedAgent = false
  private var triedPassword = false

  /// The port SSH connects to, for `known_hosts` (`[host]:port` when not 22).
  let port: Int

  /// A session for the remote `handle` (named `remote`, a name or a URL).
  init(credentials: Credentials, handle: OpaquePointer?, remote: String) {
    self.credentials = credentials
    let url = git_remote_url(handle).map { String(cString: $0) } ?? remote
    port = URLComponents(string: url)?.port ?? 22
  }

  /// Sets the callbacks in `callbacks`, their payload this session, which the caller keeps alive for as long as libgit2 may call them.
  func install(in callbacks: inout git_remote_callbacks) {
    callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
    callbacks.credentials = { output, _, userFromURL, allowed, payload in
      guard let payload, let output else { return -1 }
      let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
      return session.credential(
        output, user: userFromURL.map { String(cString: $0) }, allowed: allowed)
    }
    // Refuse what cannot be checked rather than trust it: an SSH host key known_hosts does not
    // have, and an HTTPS certificate no loaded authority vouches for.
    callbacks.certificate_check = { certificate, valid, host, payload in
      guard let payload, let certificate else { return -1 }
      let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
      let hostName = host.map { String(cString: $0) } ?? "the server"
      if certificate.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 {
        let hostKey = certificate.withMemoryRebound(to: git_cert_hostkey.self, capacity: 1) {
          $0.pointee
        }
        return session.checkHostKey(hostKey, host: hostName)
      }
      guard valid != 0 else {
        session.stopReason =
          "\(hostName)'s certificate is not signed by an authority this machine trusts (SSL_CERT_FILE, else /etc/ssl/certs/ca-certificates.crt)"
        return GIT_ECERTIFICATE.rawValue
      }
      return 0
    }
    callbacks.push_negotiation = { updates, count, payload in
      guard let payload else { return -1 }
      let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
      for index in 0..<count {
        guard let update = updates?[index]?.pointee, let name = update.dst_refname else { continue }
        let reference = String(cString: name)
        var source = update.src
        var destination = update.dst
        if let lease = session.leases[reference], ObjectID(source) != lease {
          session.stopReason =
            "\(reference) changed on the server since it was last fetched (it is \(ObjectID(source).short), not \(lease.short)); nothing was pushed (run `biostore pull` first)"
          return GIT_EUSER.rawValue
        }
        if git_oid_equal(&source, &destination) == 0 {
          session.changing.insert(reference)
        }
      }
      return 0
    }
    callbacks.push_update_reference = { name, status, payload in
      guard let payload else { return -1 }
      let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
      session.pushed.append(
        PushedReference(
          name: name.map { String(cString: $0) } ?? "?", refusal: status.map { String(cString: $0) }
        ))
      return 0
    }
  }

  /// Throws for a negative `result`, naming what the callbacks learned (every credential refused) before libgit2's own message.
  func checkResult(_ result: Int32, _ function: String) throws(GitError) {
    do {
      try check(result, function)
    } catch {
      if let stopReason {
        throw GitError(code: error.code, message: stopReason, function: function)
      }
      throw error
    }
  }

  /// 0 when `known_hosts` has `hostKey` for `host` on the session's port; else `GIT_EUSER`, with the reason and what to do.
  private func checkHostKey(_ hostKey: git_cert_hostkey, host: String) -> Int32 {
    let fingerprint = withUnsafeBytes(of: hostKey.hash_sha256) { bytes in
      "SHA256:" + Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }
    guard hostKey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostKey.hostkey else {
      stopReason = "\(host) sent no host key that can be checked against known_hosts"
      return GIT_EUSER.rawValue
    }
    let key = [UInt8](UnsafeRawBufferPointer(start: raw, count: hostKey.hostkey_len))
    let name = port == 22 ? host : "[\(host)]:\(port)"
    switch KnownHosts(files: credentials.knownHostsFiles).verdict(host: host, port: port, key: key)
    {
    case .known:
      return 0
    case .changed:
      stopReason =
        "the SSH host key of \(name) (\(fingerprint)) is not the one known_hosts has for it: someone may be intercepting the connection, or the server was reinstalled; ask its administrator, then correct its line in ~/.ssh/known_hosts"
    case .unknown:
      stopReason =
        "\(name) is not a known SSH host (its key is \(fingerprint)); if that is the server's key, add it with `ssh-keyscan\(port == 22 ? "" : " -p \(port)") \(host) >> ~/.ssh/known_hosts` and try again"
    }
    return GIT_EUSER.rawValue
  }

  /// The next credential of a kind the server allows, or `GIT_EUSER` once all are spent.
  private func credential(
    _ output: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, user: String?,
    allowed: UInt32
  ) -> Int32 {
    let name = user ?? "git"
    if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
      if credentials.sshAgent, !triedAgent {
        triedAgent = true
        offered.append("ssh-agent")
        return git_credential_ssh_key_from_agent(output, name)
      }
      while nextKey < credentials.sshKeyFiles.count {
        let key = credentials.sshKeyFiles[nextKey]
        nextKey += 1
        guard FileManager.default.isReadableFile(atPath: key) else { continue }
        offered.append(key)
        let publicKey = key + ".pub"
        let hasPublic = FileManager.default.isReadableFile(atPath: publicKey)
        return git_credential_ssh_key_new(output, name, hasPublic ? publicKey : nil, key, nil)
      }
    }
    if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0,
      let pair = credentials.userPassword,
      !triedPassword
    {
      triedPassword = true
      offered.append("the password for \(pair.user)")
      return git_credential_userpass_plaintext_new(output, pair.user, pair.password)
    }
    // Debian's libssh2 signs with RSA's SHA-1 scheme, which OpenSSH 9 refuses.
    let offeredRSA = offered.contains { key in
      let publicKey = (try? String(contentsOfFile: key + ".pub", encoding: .utf8)) ?? ""
      return publicKey.hasPrefix("ssh-rsa ") || (key.hasSuffix("id_rsa") && publicKey.isEmpty)
    }
    stopReason =
      offered.isEmpty
      ? "the server asks for credentials and none were given"
      : "the server refused every credential offered (\(offered.joined(separator: ", ")))"
        + (offeredRSA
          ? "; RSA keys fail against OpenSSH 9 servers with this machine's libssh2, which signs with SHA-1: use an ed25519 key (ssh-keygen -t ed25519)"
          : "")
    return GIT_EUSER.rawValue
  }
}

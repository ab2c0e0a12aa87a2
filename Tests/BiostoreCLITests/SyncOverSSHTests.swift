import Foundation
import Testing

/// End-to-end: clone, push and sync through a real `sshd` on loopback with an ed25519 key; a host missing from `known_hosts`, a changed host key and a key the server does not take are refused in one line each.
@Suite struct SyncOverSSHTests {
  /// A store with a version and an engagement whose remote `origin` is the server's `bios.git` over SSH.
  func storeAndServer() throws -> (server: SSHServer, url: String, store: Sandbox) {
    let store = try Sandbox()
    let server = try SSHServer(in: store.root.appendingPathComponent("sshd"))
    let url = try server.bareRepository("bios.git")
    try server.admit(store)
    try #require(try store.biostore("init").status == 0)
    try #require(
      try store.biostore("save", "biosketch", "--date", "2019", stdin: "At NERSC.\n").status == 0)
    try #require(try store.biostore("tag", "talk", "biosketch").status == 0)
    try #require(try store.biostore("remote", "add", "origin", url).status == 0)
    return (server, url, store)
  }

  @Test func pushCloneAndSyncOverSSH() throws {
    let (server, url, a) = try storeAndServer()
    let b = try Sandbox()
    try server.admit(b)

    let pushed = try a.biostore("push")
    let cloned = try b.biostore("clone", url)
    try #require(
      try b.biostore("save", "biosketch", "--date", "2024", stdin: "At Microsoft.\n").status == 0)
    let synced = try b.biostore("sync")
    let pulled = try a.biostore("pull")

    #expect(pushed.status == 0, "\(pushed.stderr)")
    #expect(cloned.status == 0, "\(cloned.stderr)")
    #expect(synced.status == 0, "\(synced.stderr)")
    #expect(pulled.stdout == "Took 1 commit from origin\n")
    #expect(
      try a.biostore("history", "biosketch", "--json").stdout
        == b.biostore("history", "biosketch", "--json").stdout)
    #expect(try a.git("fsck", "--strict").status == 0)
  }

  @Test func unknownOrChangedHostKeysAndRefusedKeysAreOneLineEach() throws {
    let (server, _, store) = try storeAndServer()
    let known = store.root.appendingPathComponent(".ssh/known_hosts")

    try FileManager.default.removeItem(at: known)
    let unknown = try store.biostore("push")
    let otherKey = try String(
      contentsOfFile: server.clientKey + ".pub", encoding: .utf8
    ).split(separator: " ").prefix(2).joined(separator: " ")
    try "[127.0.0.1]:\(server.port) \(otherKey)\n".write(
      to: known, atomically: true, encoding: .utf8)
    let changed = try store.biostore("push")
    try server.knownHostsLine.write(to: known, atomically: true, encoding: .utf8)
    let stranger = try Sandbox()
    try SSHServer.keygen(stranger)
    try server.knownHostsLine.write(
      to: stranger.root.appendingPathComponent(".ssh/known_hosts"), atomically: true,
      encoding: .utf8)
    try #require(try stranger.biostore("init").status == 0)
    try #require(
      try stranger.biostore("remote", "add", "origin", try server.bareRepository("other.git"))
        .status == 0)
    let refused = try stranger.biostore("pull")

    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("is not a known SSH host (its key is SHA256:"))
    #expect(unknown.stderr.contains("ssh-keyscan -p \(server.port) 127.0.0.1"))
    #expect(changed.status == 1)
    #expect(changed.stderr.contains("is not the one known_hosts has for it"))
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("refused every credential offered"))
    for outcome in [unknown, changed, refused] {
      #expect(outcome.stderr.split(separator: "\n").count == 1)
    }
  }
}

extension SSHServer {
  /// Gives `sandbox` an ed25519 key of its own, which no server here accepts.
  static func keygen(_ sandbox: Sandbox) throws {
    let ssh = sandbox.root.appendingPathComponent(".ssh")
    try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
    try runQuietly([
      "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
      ssh.appendingPathComponent("id_ed25519").path,
    ])
  }
}

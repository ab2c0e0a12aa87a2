import Foundation
import Testing

/// OpenSSH's `sshd` on 127.0.0.1 and a free port, taking one test ed25519 key for the user running the tests, with the `known_hosts` line a client needs; stopped when the value goes.
///
/// `Scripts/test` installs openssh-server when missing.
final class SSHServer {
  /// The folder of its keys and configuration.
  let folder: URL
  /// Its port.
  let port: Int
  /// The client's private key, which the server accepts.
  let clientKey: String
  /// The `known_hosts` line for this server's host key.
  let knownHostsLine: String
  /// The login name `ssh://` URLs name.
  let user: String
  private let pid: pid_t

  /// Makes keys and a configuration under `folder`, and starts sshd.
  init(in folder: URL) throws {
    self.folder = folder
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let sshd = "/usr/sbin/sshd"
    try #require(
      FileManager.default.isExecutableFile(atPath: sshd),
      "sshd is not installed; Scripts/test installs openssh-server")
    let hostKey = folder.appendingPathComponent("host_key").path
    clientKey = folder.appendingPathComponent("client_key").path
    for key in [hostKey, clientKey] {
      try SSHServer.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key)
    }
    let authorized = folder.appendingPathComponent("authorized_keys").path
    try FileManager.default.copyItem(atPath: clientKey + ".pub", toPath: authorized)
    user = String(cString: getpwuid(getuid()).pointee.pw_name)
    if getuid() == 0 {
      // sshd started by root insists on its privilege-separation folder.
      try? FileManager.default.createDirectory(
        atPath: "/run/sshd", withIntermediateDirectories: true)
    }
    let hostPublic = try String(contentsOfFile: hostKey + ".pub", encoding: .utf8)
      .split(separator: " ").prefix(2).joined(separator: " ")
    let pidFile = folder.appendingPathComponent("sshd.pid").path
    var started: (pid_t, Int)?
    for _ in 0..<10 {
      let port = Int.random(in: 20_000..<60_000)
      let configuration = folder.appendingPathComponent("sshd_config").path
      try """
      Port \(port)
      ListenAddress 127.0.0.1
      HostKey \(hostKey)
      AuthorizedKeysFile \(authorized)
      PasswordAuthentication no
      KbdInteractiveAuthentication no
      PermitRootLogin prohibit-password
      StrictModes no
      UsePAM no
      PidFile \(pidFile)

      """.write(toFile: configuration, atomically: true, encoding: .utf8)
      // sshd detaches and writes its pid file: a server that is no child of this process, since
      // Foundation was seen to stop reaping children while sshd was one.
      try? FileManager.default.removeItem(atPath: pidFile)
      guard try runQuietly([sshd, "-f", configuration]).status == 0 else { continue }
      for _ in 0..<50 {
        if let pid = SSHServer.pid(in: pidFile), GitDaemon.accepts(port) {
          started = (pid, port)
          break
        }
        usleep(20_000)
      }
      if started != nil { break }
      if let pid = SSHServer.pid(in: pidFile) { kill(pid, SIGKILL) }
    }
    let (pid, port) = try #require(started, "sshd did not start")
    self.pid = pid
    self.port = port
    knownHostsLine = "[127.0.0.1]:\(port) \(hostPublic)\n"
  }

  deinit {
    stop()
  }

  /// Stops sshd, as a server going down would, and waits until its port no longer answers.
  func stop() {
    kill(pid, SIGTERM)
    for _ in 0..<50 where GitDaemon.accepts(port) { usleep(20_000) }
  }

  /// The pid sshd wrote to `file`, once it has.
  private static func pid(in file: String) -> pid_t? {
    (try? String(contentsOfFile: file, encoding: .utf8)).flatMap {
      pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
  }

  /// Makes an empty bare repository `name` in the server's folder and returns its `ssh://` URL.
  func bareRepository(_ name: String) throws -> String {
    let path = folder.appendingPathComponent(name).path
    try SSHServer.run("git", "init", "-q", "--bare", "-b", "main", path)
    return "ssh://\(user)@127.0.0.1:\(port)\(path)"
  }

  /// Gives `sandbox`'s home the client key as `~/.ssh/id_ed25519` and, when `trusting`, this server in `~/.ssh/known_hosts`.
  func admit(_ sandbox: Sandbox, trusting: Bool = true) throws {
    let ssh = sandbox.root.appendingPathComponent(".ssh")
    try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
    let key = ssh.appendingPathComponent("id_ed25519").path
    try? FileManager.default.removeItem(atPath: key)
    try FileManager.default.copyItem(atPath: clientKey, toPath: key)
    try? FileManager.default.removeItem(atPath: key + ".pub")
    try FileManager.default.copyItem(atPath: clientKey + ".pub", toPath: key + ".pub")
    if trusting {
      try knownHostsLine.write(
        to: ssh.appendingPathComponent("known_hosts"), atomically: true, encoding: .utf8)
    }
  }

  private static func run(_ arguments: String...) throws {
    let (status, output) = try runQuietly(arguments)
    try #require(status == 0, "\(arguments.joined(separator: " ")) failed: \(output)")
  }
}

import Foundation
import Testing

/// Stock `git daemon` serving bare repositories from a folder on 127.0.0.1 and a free port, pushes enabled, stopped when the value goes.
final class GitDaemon {
  /// The folder whose repositories it serves.
  let root: URL
  /// Its port.
  let port: Int
  private let process: Process

  /// Starts a daemon for `root`, trying ports until one is free.
  init(serving root: URL) throws {
    self.root = root
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    var started: (Process, Int)?
    for _ in 0..<20 {
      let port = Int.random(in: 20_000..<60_000)
      // The daemon itself, not `git daemon`, whose wrapper would outlive a terminate.
      let process = Process()
      process.executableURL = URL(fileURLWithPath: try GitDaemon.executable())
      process.arguments = [
        "--reuseaddr", "--listen=127.0.0.1", "--port=\(port)",
        "--base-path=\(root.path)", "--export-all", "--enable=receive-pack", root.path,
      ]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      // Listening once a connection is accepted; a taken port makes the daemon exit.
      for _ in 0..<50 where process.isRunning {
        if GitDaemon.accepts(port) {
          started = (process, port)
          break
        }
        usleep(20_000)
      }
      if started != nil { break }
      process.terminate()
    }
    let (process, port) = try #require(started, "git daemon did not start")
    self.process = process
    self.port = port
  }

  deinit {
    stop()
  }

  /// The `git://` URL of repository `name` under the root.
  func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

  /// Makes an empty bare repository `name` to push to, and returns its URL.
  func bareRepository(_ name: String) throws -> String {
    try runQuietly([
      "git", "init", "-q", "--bare", "-b", "main", root.appendingPathComponent(name).path,
    ])
    return url(name)
  }

  /// Stops the daemon, as a server going down would: SIGTERM, then SIGKILL after a second.
  ///
  /// Polled rather than `waitUntilExit`, which was seen to wait forever for the daemon on Linux.
  func stop() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGTERM)
    for _ in 0..<50 where process.isRunning { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    for _ in 0..<50 where process.isRunning { usleep(20_000) }
  }

  /// `git-daemon` in git's exec path.
  private static func executable() throws -> String {
    try runQuietly(["git", "--exec-path"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
      + "/git-daemon"
  }

  static func accepts(_ port: Int) -> Bool {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { return false }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }
}

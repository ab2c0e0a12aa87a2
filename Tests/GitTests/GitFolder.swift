import Foundation
import Testing

/// A repository made by stock git, one commit on `main`, in a temporary folder; `git` runs commands in it.
struct GitFolder {
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("git-folder-\(UUID().uuidString)").path

  init() throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try git("init", "-q", "-b", "main")
    try git("commit", "-q", "--allow-empty", "-m", "First")
  }

  /// Runs stock git in the folder with a fixed identity and no user or system config.
  @discardableResult
  func git(_ arguments: String...) throws -> String {
    try git(arguments)
  }

  /// Runs stock git with `arguments` in the folder.
  @discardableResult
  func git(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", path] + arguments
    process.environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": path,
      "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
      "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org",
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

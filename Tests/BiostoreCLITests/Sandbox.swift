import Foundation
import Testing

/// What one command printed and how it exited.
struct Outcome {
  let status: Int32
  /// Standard output exactly as written.
  let stdoutBytes: [UInt8]
  let stderr: String

  /// Standard output as text (bytes that are not UTF-8 read as U+FFFD).
  var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
}

/// Runs `arguments` through `/usr/bin/env` with output to a scratch file and stdin closed, as `Sandbox` runs its commands, and returns the exit status and output; for the test servers' set-up.
///
/// Foundation's `Process` was seen to leave a child unreaped (and `waitUntilExit` waiting for
/// ever) when its output went to `FileHandle.nullDevice` beside a long-running server child.
@discardableResult
func runQuietly(_ arguments: [String]) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  let outURL = FileManager.default.temporaryDirectory.appendingPathComponent(
    "biostore-run-\(UUID().uuidString)")
  _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
  defer { try? FileManager.default.removeItem(at: outURL) }
  let output = try FileHandle(forWritingTo: outURL)
  process.standardOutput = output
  process.standardError = output
  let input = Pipe()
  process.standardInput = input
  try process.run()
  try input.fileHandleForWriting.close()
  process.waitUntilExit()
  return (process.terminationStatus, try String(contentsOf: outURL, encoding: .utf8))
}

/// JSON output with every `"id"` line removed, since commit ids change with the committer date.
func withoutIDs(_ outcome: Outcome) -> String {
  outcome.stdout.split(separator: "\n").filter { !$0.contains("\"id\" :") }.joined(separator: "\n")
}

/// A temporary home with a store path in it, where the built `biostore` binary and stock `git` run with a fixed environment.
final class Sandbox: Sendable {
  let root: URL
  /// The store's path (not created until `biostore init`).
  let store: String
  let environment: [String: String]

  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("biostore-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    store = root.appendingPathComponent("store").path
    environment = [
      "HOME": root.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "USER": "tester", "TZ": "America/Los_Angeles", "GIT_CONFIG_NOSYSTEM": "1",
      "BIOSTORE_DIR": root.appendingPathComponent("store").path, "LANG": "C.UTF-8",
      // For stock git only (tags and commits made by hand); libgit2 reads no such variables.
      "GIT_AUTHOR_NAME": "Stock Git", "GIT_AUTHOR_EMAIL": "git@example.org",
      "GIT_COMMITTER_NAME": "Stock Git", "GIT_COMMITTER_EMAIL": "git@example.org",
    ]
  }

  /// A new store holding three versions of `biosketch`, dated 2019, 2021 and 2023, with messages `Bio YEAR`.
  static func withThreeBiosketches() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    for (year, text) in [
      ("2019", "One.\n"), ("2021", "Two words.\n"), ("2023", "Three more words.\n"),
    ] {
      try #require(
        try sandbox.biostore("save", "biosketch", "--date", year, "-m", "Bio \(year)", stdin: text)
          .status == 0)
    }
    return sandbox
  }

  /// The sample data in the repository's `store/` folder, in the export format.
  static let sampleStore = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("store").path

  /// A new store holding the sample data of `store/`: the first user's bios and engagements.
  static func withSampleStore() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("import", sampleStore).status == 0)
    return sandbox
  }

  deinit {
    try? FileManager.default.removeItem(at: root)
  }

  /// The built binary: `$BIOSTORE_BINARY`, else `biostore` beside the test bundle in the build folder.
  static let binary: String = {
    if let path = ProcessInfo.processInfo.environment["BIOSTORE_BINARY"] { return path }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    if folder.lastPathComponent == "MacOS" {  // an .xctest bundle on macOS
      folder = folder.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    }
    return folder.appendingPathComponent("biostore").path
  }()

  /// Runs `biostore` with `arguments`, feeding `stdin` (empty when nil).
  @discardableResult
  func biostore(
    _ arguments: String..., stdin: String? = nil, extraEnvironment: [String: String] = [:]
  )
    throws -> Outcome
  {
    #expect(FileManager.default.isExecutableFile(atPath: Sandbox.binary), "run `swift build` first")
    return try run(
      Sandbox.binary, arguments, stdin: stdin.map { Data($0.utf8) },
      environment: environment.merging(extraEnvironment) { $1 })
  }

  /// Runs `biostore` with raw bytes on stdin.
  func biostore(_ arguments: [String], stdinBytes: [UInt8]) throws -> Outcome {
    try run(Sandbox.binary, arguments, stdin: Data(stdinBytes), environment: environment)
  }

  /// Runs stock `git -C store` with `arguments`, the independent oracle.
  @discardableResult
  func git(_ arguments: String..., stdin: String? = nil) throws -> Outcome {
    try run(
      "/usr/bin/env", ["git", "-C", store] + arguments, stdin: stdin.map { Data($0.utf8) },
      environment: environment)
  }

  /// Runs stock `git -C directory` with `arguments` and extra environment (e.g. `GIT_AUTHOR_DATE`), to build a source repository.
  @discardableResult
  func git(
    in directory: String, _ arguments: [String], extraEnvironment: [String: String] = [:]
  ) throws -> Outcome {
    try run(
      "/usr/bin/env", ["git", "-C", directory] + arguments, stdin: nil,
      environment: environment.merging(extraEnvironment) { $1 })
  }

  /// Runs `script` with `bash -euo pipefail` in the sandbox, with `extraEnvironment` added, for scripts a person would paste.
  func shell(_ script: String, extraEnvironment: [String: String] = [:]) throws -> Outcome {
    try run(
      "/bin/bash", ["-euo", "pipefail", "-c", script], stdin: nil,
      environment: environment.merging(extraEnvironment) { $1 })
  }

  /// Writes `text` to a file in the sandbox and returns its path.
  func file(_ name: String, _ text: String) throws -> String {
    let path = root.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private func run(
    _ executable: String, _ arguments: [String], stdin: Data?, environment: [String: String]
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    // Files, not pipes, so a large output can never fill a pipe and stall the child.
    let outURL = root.appendingPathComponent("out-\(UUID().uuidString)")
    let errURL = root.appendingPathComponent("err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outURL)
      try? FileManager.default.removeItem(at: errURL)
    }
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdoutBytes: Array(try Data(contentsOf: outURL)),
      stderr: try String(contentsOf: errURL, encoding: .utf8))
  }
}

import Foundation

/// A program biostore hands a document to (pandoc, Chromium), found on `PATH` and run with a time limit, its failure said in one line.
struct ExternalTool {
  /// The names it may go by, first found wins.
  let names: [String]
  /// The Debian package that has it, for the error when it is missing.
  let package: String

  /// pandoc, for Word documents and plain text.
  static let pandoc = ExternalTool(names: ["pandoc"], package: "pandoc")
  /// Headless Chromium, for PDF.
  static let chromium = ExternalTool(
    names: ["chromium", "chromium-browser", "google-chrome"], package: "chromium")

  /// How long a run may take before it is stopped: a hung browser must not hang biostore.
  static let timeLimit: TimeInterval = 120

  /// The program's path, or an error saying how to install it.
  func executable() throws(StoreError) -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in names {
      for folder in path.split(separator: ":") where !folder.isEmpty {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    throw .missingTool(names[0], package: package)
  }

  /// Runs the program with `arguments`, `input` on its stdin; its stdout, or an error quoting the last line it wrote on stderr.
  @discardableResult
  func run(_ arguments: [String], input: [UInt8] = []) throws(StoreError) -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try executable())
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    (process.standardInput, process.standardOutput, process.standardError) = (stdin, stdout, stderr)
    do {
      try process.run()
    } catch {
      throw .toolFailed(names[0], reason: error.localizedDescription)
    }
    // Both outputs are drained while the program runs, so neither fills its pipe and stalls it.
    let output = Drain(stdout.fileHandleForReading)
    let errors = Drain(stderr.fileHandleForReading)
    stdin.fileHandleForWriting.write(Data(input))
    try? stdin.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(ExternalTool.timeLimit)
    while process.isRunning {
      if Date() > deadline {
        process.terminate()
        process.waitUntilExit()
        throw .toolFailed(names[0], reason: "it ran longer than \(Int(ExternalTool.timeLimit)) s")
      }
      usleep(10_000)
    }
    let said = String(decoding: errors.bytes(), as: UTF8.self)
      .split(whereSeparator: \.isNewline).last.map(String.init)
    guard process.terminationStatus == 0 else {
      throw .toolFailed(
        names[0], reason: said ?? "it exited with status \(process.terminationStatus)")
    }
    return output.bytes()
  }
}

/// Reads a pipe to its end on a thread of its own.
private final class Drain: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  /// Everything read, once the pipe has closed.
  func bytes() -> [UInt8] {
    done.wait()
    return Array(data)
  }
}

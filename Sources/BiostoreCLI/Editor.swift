import BioStore
import Foundation

/// The user's text editor, from `$VISUAL`, else `$EDITOR`, else `vi`, split on spaces as git does.
struct Editor: Sendable {
  /// The command and its leading arguments; the file to edit is appended.
  let command: [String]

  /// Whether `$VISUAL` or `$EDITOR` named it, rather than falling back to `vi`.
  let isNamed: Bool

  /// The editor the environment names.
  init(environment: [String: String]) {
    let named = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
      .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    isNamed = named != nil
    command = (named ?? "vi").split(separator: " ").map(String.init)
  }

  /// Opens `bytes` in the editor as a temporary file named `fileName` and returns what the person saved, or throws if the editor fails.
  func edit(_ bytes: [UInt8], fileName: String) throws(StoreError) -> [UInt8] {
    // `vi` without a terminal (a script, a pipe) would fail or hang on input it cannot read.
    if !isNamed, isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
      throw .noEditor
    }
    let manager = FileManager.default
    let folder = manager.temporaryDirectory.appendingPathComponent(
      "biostore-edit-\(UUID().uuidString)")
    let file = folder.appendingPathComponent(fileName)
    let shown = command.joined(separator: " ")
    do {
      try manager.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(bytes).write(to: file)
    } catch {
      throw .storage("cannot write a temporary file for the editor (\(error.localizedDescription))")
    }
    defer { try? manager.removeItem(at: folder) }
    let process = Process()
    // env finds the editor on PATH as a shell would.
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command + [file.path]
    do {
      try process.run()
    } catch {
      throw .editorFailed(
        command: shown, reason: "could not be started (\(error.localizedDescription))")
    }
    process.waitUntilExit()
    guard process.terminationReason == .exit else {
      throw .editorFailed(
        command: shown, reason: "was killed by signal \(process.terminationStatus)")
    }
    guard process.terminationStatus == 0 else {
      throw .editorFailed(
        command: shown,
        reason: process.terminationStatus == 127
          ? "was not found; set VISUAL or EDITOR"
          : "exited with status \(process.terminationStatus)")
    }
    guard manager.fileExists(atPath: file.path) else {
      throw .editorFailed(command: shown, reason: "left no file behind")
    }
    // Up to 16 times a version's limit: a text too long to save is still kept by `saveEdit`.
    return try InputFile.read(file.path, limit: 16 * VersionText.maximumBytes)
  }
}

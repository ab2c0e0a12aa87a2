import Foundation

/// Progress on stderr: a live count on a terminal, else a line per 100 revisions.
final class ImportProgress {
  private let isTerminal = isatty(STDERR_FILENO) == 1
  private var shown = false

  /// Notes that `done` of the `total` commits that change the file have been read.
  func report(_ done: Int, _ total: Int) {
    let line = "read commit \(done) of \(total) that change the file"
    if isTerminal {
      FileHandle.standardError.write(Data("\rbiostore: \(line)".utf8))
      shown = true
    } else if done % 100 == 0 {
      Console.note(line)
    }
  }

  /// Ends a live count with a line break.
  func finish() {
    if shown { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}

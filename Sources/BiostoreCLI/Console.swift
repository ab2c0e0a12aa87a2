import BioStore
import Foundation

/// Writing to the terminal: results on stdout, notes and errors on stderr, in DESIGN.md's formats.
enum Console {
  /// Prints `message` as `biostore: error: …` and exits with `exitCode`.
  static func fail(_ message: String, exitCode: Int32) -> Never {
    note("error: " + message)
    exit(exitCode)
  }

  /// Prints `biostore: warning: …` on stderr.
  static func warn(_ message: String) {
    note("warning: " + message)
  }

  /// Prints `biostore: …` on stderr as one line, whatever paths or names the message quotes.
  static func note(_ message: String) {
    FileHandle.standardError.write(Data("biostore: \(message.escapedForOneLine)\n".utf8))
  }

  /// Writes `text` to stdout exactly as it is, through the same buffer as `print` so the two keep their order.
  static func write(_ text: String) {
    print(text, terminator: "")
  }

  /// Writes `bytes` to stdout byte for byte (a version stock git stored in another encoding stays as it is), after what `print` buffered.
  static func write(bytes: [UInt8]) {
    fflush(nil)
    FileHandle.standardOutput.write(Data(bytes))
  }

  /// Prints `value` as one pretty-printed JSON document on stdout.
  static func printJSON<T: Encodable>(_ value: T, userInfo: [CodingUserInfoKey: any Sendable] = [:])
    throws
  {
    let encoder = JSONEncoder()
    encoder.userInfo = userInfo
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
  }
}

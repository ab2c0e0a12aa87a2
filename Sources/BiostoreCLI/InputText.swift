import BioStore
import Foundation

/// Reads the text a command was given: a file named on the command line, or piped stdin.
enum InputText {
  /// The validated text of `file`, else of stdin when it is piped and not empty, else nil; `pipedEmpty` says stdin was piped but held nothing, which the person should be told.
  static func read(file: String?) throws -> (text: String?, pipedEmpty: Bool) {
    if let file {
      return (try VersionText.validated(try InputFile.read(file)), false)
    }
    guard isatty(STDIN_FILENO) == 0 else { return (nil, false) }
    let bytes = readStandardInput()
    return bytes.isEmpty ? (nil, true) : (try VersionText.validated(bytes), false)
  }

  /// All of stdin, stopping a little past the size limit so a huge stream is refused, not buffered; a closed stdin reads as empty.
  private static func readStandardInput() -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while bytes.count <= VersionText.maximumBytes {
      let count = buffer.withUnsafeMutableBytes {
        Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count)
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      bytes.append(contentsOf: buffer[..<count])
    }
    return bytes
  }
}

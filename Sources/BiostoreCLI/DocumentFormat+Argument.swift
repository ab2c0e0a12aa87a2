import ArgumentParser
import BioStore
import Foundation

extension DocumentFormat: ExpressibleByArgument {
  /// Refuses a format the command does not write, one combined with another kind of output, and a binary one without `-o FILE`.
  static func validate(
    _ format: DocumentFormat?, output: String?, allowed: [DocumentFormat],
    others: [(name: String, given: Bool)] = []
  ) throws {
    if output == "" { throw ValidationError("-o needs a file name (or - for stdout)") }
    guard let format else {
      if output != nil { throw ValidationError("-o FILE writes a document: give --format too") }
      return
    }
    guard allowed.contains(format) else {
      throw ValidationError(
        "--format \(format.rawValue) is not one this command writes; choose "
          + allowed.map(\.rawValue).joined(separator: ", "))
    }
    if let other = others.first(where: \.given) {
      throw ValidationError("--format and \(other.name) cannot be combined; choose one")
    }
    if format.isBinary && output == nil {
      throw ValidationError(
        "--format \(format.rawValue) writes a file: give -o FILE (or -o - for stdout)")
    }
  }

  /// Writes a document to the new file `output`, saying where, or to stdout when there is none or it is `-`.
  static func deliver(_ bytes: [UInt8], to output: String?) throws {
    guard let output, output != "-" else { return Console.write(bytes: bytes) }
    try Store.writeDocument(bytes, to: output)
    Console.note("wrote \(output)")
  }
}

import Foundation

extension Store {
  /// Saves the text of the file at `path` (or the part `extraction` picks) as a version of `variant`, as `save` would.
  public func importFile(
    _ path: String, into variant: VariantName, extraction: TextExtraction, message: String?,
    date: DateInput?, environment: [String: String]
  ) throws(StoreError) -> SaveOutcome {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadableFile(path: path, reason: "no such file, or it cannot be read")
    }
    let document = try VersionText.validated(Array(data))
    guard let text = extraction.text(from: document) else {
      throw .sectionNotFound(
        heading: extraction.heading ?? "", source: path, quoteOnly: extraction.quoteOnly)
    }
    return try save(variant, text: text, message: message, date: date, environment: environment)
  }
}

import Foundation

extension Store {
  /// Saves the text of the file at `path` (or the part `extraction` picks) as a version of `variant`, as `save` would.
  public func importFile(
    _ path: String, into variant: VariantName, extraction: TextExtraction, message: String?,
    date: DateInput?, environment: [String: String]
  ) throws(StoreError) -> SaveOutcome {
    let document = try VersionText.validated(try InputFile.read(path))
    guard let text = extraction.text(from: document) else {
      throw .sectionNotFound(
        heading: extraction.heading ?? "", source: path, quoteOnly: extraction.quoteOnly)
    }
    return try save(variant, text: text, message: message, date: date, environment: environment)
  }
}

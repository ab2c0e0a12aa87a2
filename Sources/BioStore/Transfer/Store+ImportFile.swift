import Foundation

extension Store {
  /// Saves the text of the file at `path` (or the part `extraction` picks) as a version of `variant`, as `save` would.
  public func importFile(
    _ path: String, into variant: VariantName, extraction: TextExtraction, message: String?,
    date: DateInput?, allowingFuture: Bool = false
  ) throws(StoreError) -> SaveOutcome {
    let document = try VersionText.validated(try InputFile.read(path))
    let text: String
    switch extraction.extract(from: document) {
    case .text(let extracted): text = extracted
    case .noHeading:
      throw .sectionNotFound(
        heading: extraction.heading ?? "", source: path, quoteOnly: extraction.quoteOnly)
    case .noText:
      guard let heading = extraction.heading else {
        throw .sectionNotFound(heading: "", source: path, quoteOnly: extraction.quoteOnly)
      }
      throw .sectionEmpty(heading: heading, source: path, quoteOnly: extraction.quoteOnly)
    }
    return try save(
      variant, text: text, message: message, date: date, allowingFuture: allowingFuture)
  }
}

import Foundation
import Git
import ProseDiff

extension Store {
  /// The redline of `diffs` (as `diff(from:to:)` gives them) written as `format`, titled `old → new` as the sides were typed; a variant only one side has is shown whole, marked all deleted or all inserted.
  public func document(
    of diffs: [VariantDiff], old: String, new: String, as format: DocumentFormat
  ) throws(StoreError) -> [UInt8] {
    try DocumentRenderer.bytes(of: redlineDocument(of: diffs, old: old, new: new), as: format)
  }

  /// One version written as `format`: Word and plain text read its Markdown; HTML and PDF show its text as written.
  public func document(of version: Version, as format: DocumentFormat) throws(StoreError)
    -> [UInt8]
  {
    let text = try self.text(of: version)
    let section = RedlineDocument.Section(
      heading: version.variant.rawValue,
      detail: detail(of: version, words: ProseText(text).wordCount),
      paragraphs: RedlineDocument.paragraphs(ofText: text),
      author: try author(of: version), date: version.date)
    return try DocumentRenderer.bytes(
      ofMarkdown: text,
      document: RedlineDocument(title: version.variant.rawValue, sections: [section]), as: format)
  }

  /// Writes a document's `bytes` to the new file `path`: refused when anything is there already, never half-written.
  public static func writeDocument(_ bytes: [UInt8], to path: String) throws(StoreError) {
    var status = stat()
    guard lstat(path, &status) != 0 else { throw .outputExists(path) }
    let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard UnfollowedFile.isFolderOrAbsent(parent), FileManager.default.fileExists(atPath: parent)
    else {
      throw .storage("cannot write \(path): its folder \(parent) does not exist; create it first")
    }
    try AtomicFile.write(bytes, to: path, scratchDirectory: parent, replacing: false)
  }

  /// The document a redline of `diffs` makes, a section per variant.
  func redlineDocument(of diffs: [VariantDiff], old: String, new: String) throws(StoreError)
    -> RedlineDocument
  {
    var sections: [RedlineDocument.Section] = []
    for diff in diffs {
      let segments: [RedlineSegment]
      let detail: String
      switch (diff.from, diff.to) {
      case (let from?, let to?):
        segments = diff.prose.redlineSegments(spacingInside: true)
        detail =
          "\(self.detail(of: from, words: diff.prose.old.wordCount)) → "
          + "\(self.detail(of: to, words: diff.prose.new.wordCount))"
          + (diff.prose.changesWording
            ? " (+\(diff.prose.added) −\(diff.prose.removed))" : ", no change in wording")
      case (let from?, nil):
        segments = RedlineDocument.whole(diff.prose.old.text, as: .deleted)
        detail =
          "only in \(old) (\(self.detail(of: from, words: diff.prose.old.wordCount))), not in \(new)"
      case (nil, let to?):
        segments = RedlineDocument.whole(diff.prose.new.text, as: .inserted)
        detail =
          "only in \(new) (\(self.detail(of: to, words: diff.prose.new.wordCount))), not in \(old)"
      case (nil, nil):
        continue
      }
      let newer = diff.to ?? diff.from
      sections.append(
        .init(
          heading: diff.variant.rawValue, detail: detail,
          paragraphs: RedlineDocument.paragraphs(of: segments),
          author: try newer.map { v throws(StoreError) in try author(of: v) } ?? "",
          date: newer?.date))
    }
    return RedlineDocument(title: "\(old) → \(new)", sections: sections)
  }

  /// `as of 2024-04-08, 3f2a9c1, 94 words`.
  private func detail(of version: Version, words: Int) -> String {
    "as of \(version.date.day), \(version.id.short), \(CountingRule.words.describe(words))"
  }

  /// Who made `version`: its commit's git author.
  func author(of version: Version) throws(StoreError) -> String {
    try storage { () throws(GitError) in try repository.commit(version.id).author.name }
  }
}

/// A kind of document a diff or a version can be written as, for people who do not read Markdown.
///
/// Not `CaseIterable`, so a command's help names only the formats that command writes.
public enum DocumentFormat: String, Sendable {
  /// Word, with the changes as tracked changes (made by pandoc).
  case docx
  /// One self-contained HTML page.
  case html
  /// The HTML page printed to PDF (by headless Chromium).
  case pdf
  /// Plain text without Markdown markers, a paragraph to a line, for web forms (made by pandoc).
  case txt

  /// Whether it is bytes no terminal should be sent, so it needs `-o FILE`.
  public var isBinary: Bool { self == .docx || self == .pdf }
}

import Git
import ProseDiff

/// A redline ready to be written as a document: a title, then one section per variant, each a run of paragraphs of unchanged, deleted and inserted pieces.
///
/// A version shown alone is a redline with nothing changed, so every writer handles both.
public struct RedlineDocument: Sendable {
  /// One variant's part.
  public struct Section: Sendable {
    /// The variant's name, shown as the section's heading when the document has several.
    public var heading: String
    /// A line saying which versions are compared (dates and ids), or why one side is missing.
    public var detail: String
    /// The paragraphs; each a run of pieces, in order.
    public var paragraphs: [[RedlineSegment]]
    /// Who made the change, as tracked changes name it: the newer version's git author.
    public var author: String
    /// When, as tracked changes date it: the newer version's as-of date.
    public var date: Timestamp?
  }

  /// The document's title.
  public var title: String
  /// Its sections.
  public var sections: [Section]

  /// All of `text` as pieces of `kind` (a variant only one side of a diff has), its paragraphs kept: a redline's deletion would read on one line.
  static func whole(_ text: String, as kind: RedlineSegment.Kind) -> [RedlineSegment] {
    paragraphs(ofText: text).flatMap { paragraph in
      paragraph.map { RedlineSegment(kind: kind, text: $0.text) }
        + [RedlineSegment(kind: .same, text: "\n\n")]
    }
  }

  /// One text, unchanged, as paragraphs, its blockquote markers left out as a redline's are.
  public static func paragraphs(ofText text: String) -> [[RedlineSegment]] {
    paragraphs(of: ProseDiff(old: text, new: text).redlineSegments(spacingInside: true))
  }

  /// The pieces (from `ProseDiff.redlineSegments(spacingInside: true)`, which holds no blockquote markers) cut into paragraphs at blank lines, each paragraph's pieces with their own line breaks kept, the blank lines themselves dropped.
  public static func paragraphs(of segments: [RedlineSegment]) -> [[RedlineSegment]] {
    var paragraphs: [[RedlineSegment]] = []
    var current: [RedlineSegment] = []
    func close() {
      // A paragraph of layout only (the text's trailing newline) is no paragraph.
      if current.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) {
        paragraphs.append(current)
      }
      current = []
    }
    for segment in segments {
      // A blank line is a line between two line breaks of one piece: layout never spans two.
      // `\r\n` is one Character to Swift, so it is made `\n` before lines are cut.
      let lines = segment.text.replacingOccurrences(of: "\r\n", with: "\n")
        .split(separator: "\n", omittingEmptySubsequences: false)
      var piece: [Substring] = [lines[0]]
      var index = 1
      while index < lines.count {
        let isBlank = lines[index].allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
        if isBlank && index < lines.count - 1 {
          append(piece, kind: segment.kind, to: &current)
          close()
          piece = []
          while index < lines.count - 1 && lines[index].allSatisfy({ " \t\r".contains($0) }) {
            index += 1
          }
          continue
        }
        piece.append(lines[index])
        index += 1
      }
      append(piece, kind: segment.kind, to: &current)
    }
    close()
    return paragraphs
  }

  private static func append(
    _ lines: [Substring], kind: RedlineSegment.Kind, to paragraph: inout [RedlineSegment]
  ) {
    let text = lines.joined(separator: "\n")
    if !text.isEmpty { paragraph.append(RedlineSegment(kind: kind, text: text)) }
  }
}

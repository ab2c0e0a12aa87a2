import Foundation
import ProseDiff

/// Writes a redline as a pandoc document in pandoc's own JSON form, whose spans of class `deletion` and `insertion` pandoc's docx writer turns into Word tracked changes.
///
/// The JSON form, not Markdown, because pandoc reads the text exactly as given: no Markdown
/// character in a bio is taken for formatting, and a space that begins a deleted span is kept
/// (the Markdown reader trims it), so accepting or rejecting every change gives back exactly
/// the newer or the older words.
enum PandocDocument {
  /// `document` as pandoc JSON for the pandoc API version `apiVersion`: its title as a heading, a heading per variant when there are several, each detail line in italics, and the paragraphs.
  static func json(of document: RedlineDocument, apiVersion: [Int]) -> [UInt8] {
    var blocks: [Any] = [header(1, document.title)]
    for section in document.sections {
      if document.sections.count > 1 { blocks.append(header(2, section.heading)) }
      if !section.detail.isEmpty {
        blocks.append(["t": "Para", "c": [["t": "Emph", "c": inlines(section.detail)]]])
      }
      var attributes = [["author", section.author]]
      if let date = section.date { attributes.append(["date", utc(date)]) }
      for paragraph in section.paragraphs {
        var content: [Any] = []
        for (position, segment) in paragraph.enumerated() {
          var text = flattened(segment.text)
          // The indentation opening a paragraph is layout too.
          if position == 0 { text = String(text.drop { $0 == " " || $0 == "\t" }) }
          let words = inlines(text)
          guard !words.isEmpty else { continue }
          switch segment.kind {
          case .same: content += words
          case .deleted, .inserted:
            let kind = segment.kind == .deleted ? "deletion" : "insertion"
            content.append(["t": "Span", "c": [["", [kind], attributes], words]])
          }
        }
        // Spaces that begin or end a paragraph are layout.
        while (content.first as? [String: Any])?["t"] as? String == "Space" {
          content.removeFirst()
        }
        while (content.last as? [String: Any])?["t"] as? String == "Space" { content.removeLast() }
        if !content.isEmpty { blocks.append(["t": "Para", "c": content]) }
      }
    }
    let root: [String: Any] = ["pandoc-api-version": apiVersion, "meta": [:], "blocks": blocks]
    // Serialising plain strings, arrays and dictionaries cannot fail.
    return Array((try? JSONSerialization.data(withJSONObject: root)) ?? Data())
  }

  private static func header(_ level: Int, _ text: String) -> [String: Any] {
    ["t": "Header", "c": [level, ["", [], []], inlines(text)]]
  }

  /// `text` as pandoc inlines: each run of non-space characters a `Str`, each run of spaces, tabs and line breaks one `Space` (a no-break space stays in its `Str`).
  private static func inlines(_ text: String) -> [Any] {
    var result: [Any] = []
    var word = ""
    for character in text {
      if character == " " || character == "\t" || character == "\n" || character == "\r\n" {
        if !word.isEmpty { result.append(["t": "Str", "c": word]) }
        word = ""
        if (result.last as? [String: Any])?["t"] as? String != "Space" {
          result.append(["t": "Space"])
        }
      } else {
        word.append(character)
      }
    }
    if !word.isEmpty { result.append(["t": "Str", "c": word]) }
    return result
  }

  /// A piece's lines joined by spaces, the indentation beginning them dropped: layout, not words (the pieces hold no blockquote markers).
  private static func flattened(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      index, line in
      index == 0 ? String(line) : " " + line.drop { $0 == " " || $0 == "\t" }
    }.joined()
  }

  /// `time` in UTC, `2024-04-08T20:12:18Z`, as Word dates a tracked change.
  private static func utc(_ time: Timestamp) -> String {
    Timestamp(seconds: time.seconds, offsetMinutes: 0).rfc3339.replacingOccurrences(
      of: "+00:00", with: "Z")
  }
}

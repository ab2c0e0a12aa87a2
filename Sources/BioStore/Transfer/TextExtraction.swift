/// Which part of a Markdown file becomes a version: all of it, the section under one heading, or that section's blockquotes.
///
/// Headings are ATX headings (`#` to `######`, up to three spaces of indentation, an optional
/// closing run of `#`), matched case-insensitively with runs of whitespace read as one space; a
/// section runs to the next heading of the same or a higher level. Headings inside fenced code
/// blocks do not count. With `quoteOnly`, only blockquote lines are kept, each without its first
/// `>` and the space after it, and separate blockquotes are joined by a blank line.
///
/// The file is read as bytes: `\n`, `\r\n` and a lone `\r` all end a line (in Swift `"\r\n"` is
/// one `Character`, so splitting a `String` on `"\n"` would miss CRLF lines), and every kept line
/// keeps its own bytes and its own line end, so a CRLF page gives a CRLF section.
public struct TextExtraction: Sendable, Equatable {
  /// The heading whose section is taken, or nil for the whole file.
  public var heading: String?
  /// Whether only the section's blockquote lines are taken.
  public var quoteOnly: Bool

  /// What an extraction found in one document.
  public enum Result: Sendable, Equatable {
    /// The extracted text, ending in a line break.
    case text(String)
    /// The heading is not in the document.
    case noHeading
    /// The heading is there (or no heading was asked for) but nothing is left under it: an empty section, or no blockquote.
    case noText
  }

  /// An extraction of the section under `heading` (nil: the whole file), or only its blockquotes.
  public init(heading: String? = nil, quoteOnly: Bool = false) {
    self.heading = heading
    self.quoteOnly = quoteOnly
  }

  /// The extracted text ending in one line break, or nil when the heading is absent or nothing is left.
  public func text(from document: String) -> String? {
    guard case .text(let text) = extract(from: document) else { return nil }
    return text
  }

  /// The extracted text, or why there is none.
  public func extract(from document: String) -> Result {
    if heading == nil && !quoteOnly {
      return document.unicodeScalars.allSatisfy(\.properties.isWhitespace)
        ? .noText : .text(document)
    }
    let bytes = Array(document.utf8)
    let lines = Line.split(bytes)
    var section = lines[...]
    if let heading {
      guard let range = TextExtraction.section(titled: heading, in: lines, of: bytes) else {
        return .noHeading
      }
      section = lines[range]
    }
    var kept: [Line] = []
    if quoteOnly {
      var inQuote = false
      for line in section {
        if let content = line.quoteContent(in: bytes) {
          if !inQuote, let previous = kept.last {
            kept.append(
              Line(content: previous.end.lowerBound..<previous.end.lowerBound, end: previous.end))
          }
          kept.append(Line(content: content, end: line.end))
          inQuote = true
        } else {
          inQuote = false
        }
      }
    } else {
      kept = Array(section)
    }
    while let first = kept.first, first.isBlank(in: bytes) { kept.removeFirst() }
    while let last = kept.last, last.isBlank(in: bytes) { kept.removeLast() }
    guard !kept.isEmpty else { return .noText }
    var text: [UInt8] = []
    for line in kept {
      text += bytes[line.content]
      text += bytes[line.end]
    }
    if kept[kept.count - 1].end.isEmpty {
      // The document's last line had no line end: give it the document's own kind of line end.
      text += lines.first(where: { !$0.end.isEmpty }).map { bytes[$0.end] } ?? [UInt8(ascii: "\n")]
    }
    return .text(String(decoding: text, as: UTF8.self))
  }

  /// The lines under the first heading titled `title`, up to the next heading of the same or a higher level.
  private static func section(titled title: String, in lines: [Line], of bytes: [UInt8])
    -> Range<Int>?
  {
    let wanted = normalized(title)
    var start: (index: Int, level: Int)?
    var fence: [UInt8]?
    for (index, line) in lines.enumerated() {
      let indent = line.indentation(in: bytes)
      let trimmed = bytes[line.content.lowerBound + indent..<line.content.upperBound]
      if let open = fence {
        if trimmed.starts(with: open) { fence = nil }
        continue
      }
      if indent <= 3,
        trimmed.starts(with: Array("```".utf8)) || trimmed.starts(with: Array("~~~".utf8))
      {
        fence = Array(trimmed.prefix(3))
        continue
      }
      guard let (level, text) = line.atxHeading(in: bytes) else { continue }
      if let open = start {
        if level <= open.level { return open.index + 1..<index }
      } else if normalized(text) == wanted {
        start = (index, level)
      }
    }
    return start.map { $0.index + 1..<lines.count }
  }

  private static func normalized(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

/// One line of a document as two ranges of its bytes: what it says, and the line end after it (empty for a last line without one).
private struct Line {
  var content: Range<Int>
  var end: Range<Int>

  /// The lines of `bytes`, split at `\n`, `\r\n` and a lone `\r`.
  static func split(_ bytes: [UInt8]) -> [Line] {
    var lines: [Line] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        let endLength =
          byte == UInt8(ascii: "\r") && index + 1 < bytes.count
            && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
        lines.append(Line(content: start..<index, end: index..<index + endLength))
        index += endLength
        start = index
      } else {
        index += 1
      }
    }
    if start < bytes.count {
      lines.append(Line(content: start..<bytes.count, end: bytes.count..<bytes.count))
    }
    return lines
  }

  /// How many spaces the line starts with.
  func indentation(in bytes: [UInt8]) -> Int {
    bytes[content].prefix { $0 == UInt8(ascii: " ") }.count
  }

  /// Whether the line holds only whitespace.
  func isBlank(in bytes: [UInt8]) -> Bool {
    String(decoding: bytes[content], as: UTF8.self).unicodeScalars.allSatisfy(
      \.properties.isWhitespace)
  }

  /// The level and text of an ATX heading line, or nil when the line is not one.
  func atxHeading(in bytes: [UInt8]) -> (Int, String)? {
    let indent = indentation(in: bytes)
    guard indent <= 3 else { return nil }
    let trimmed = bytes[(content.lowerBound + indent)..<content.upperBound]
    let level = trimmed.prefix { $0 == UInt8(ascii: "#") }.count
    guard (1...6).contains(level) else { return nil }
    let rest = trimmed.dropFirst(level)
    guard rest.isEmpty || rest.first == UInt8(ascii: " ") || rest.first == UInt8(ascii: "\t") else {
      return nil
    }
    var text = String(decoding: rest, as: UTF8.self).trimmingWhitespace
    let closing = text.reversed().prefix { $0 == "#" }.count
    if closing > 0 {
      let beforeClosing = text.dropLast(closing)
      if beforeClosing.isEmpty || beforeClosing.last == " " || beforeClosing.last == "\t" {
        text = beforeClosing.trimmingWhitespace
      }
    }
    return (level, String(text))
  }

  /// The range of a blockquote line's content without its first `>` and the space after it, or nil.
  func quoteContent(in bytes: [UInt8]) -> Range<Int>? {
    let indent = indentation(in: bytes)
    let marker = content.lowerBound + indent
    guard indent <= 3, marker < content.upperBound, bytes[marker] == UInt8(ascii: ">") else {
      return nil
    }
    var start = marker + 1
    if start < content.upperBound, bytes[start] == UInt8(ascii: " ") { start += 1 }
    return start..<content.upperBound
  }
}

/// Which part of a Markdown file becomes a version: all of it, the section under one heading, or that section's blockquotes.
///
/// Headings are ATX headings (`#` to `######`, up to three spaces of indentation, an optional
/// closing run of `#`), matched case-insensitively with runs of whitespace read as one space; a
/// section runs to the next heading of the same or a higher level. Headings inside fenced code
/// blocks do not count. With `quoteOnly`, only blockquote lines are kept, each without its first
/// `>` and the space after it, and separate blockquotes are joined by a blank line.
public struct TextExtraction: Sendable, Equatable {
  /// The heading whose section is taken, or nil for the whole file.
  public var heading: String?
  /// Whether only the section's blockquote lines are taken.
  public var quoteOnly: Bool

  /// An extraction of the section under `heading` (nil: the whole file), or only its blockquotes.
  public init(heading: String? = nil, quoteOnly: Bool = false) {
    self.heading = heading
    self.quoteOnly = quoteOnly
  }

  /// The extracted text ending in one line break, or nil when the heading is absent or nothing is left.
  public func text(from document: String) -> String? {
    if heading == nil && !quoteOnly {
      return document.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? nil : document
    }
    let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    var section = lines[...]
    if let heading {
      guard let range = TextExtraction.section(titled: heading, in: lines) else { return nil }
      section = lines[range]
    }
    var kept: [Substring] = []
    if quoteOnly {
      var inQuote = false
      for line in section {
        if let content = TextExtraction.quoteContent(of: line) {
          if !inQuote && !kept.isEmpty { kept.append("") }
          kept.append(content)
          inQuote = true
        } else {
          inQuote = false
        }
      }
    } else {
      kept = Array(section)
    }
    while let first = kept.first, first.allSatisfy(\.isWhitespace) { kept.removeFirst() }
    while let last = kept.last, last.allSatisfy(\.isWhitespace) { kept.removeLast() }
    guard !kept.isEmpty else { return nil }
    return kept.joined(separator: "\n") + "\n"
  }

  /// The lines under the first heading titled `title`, up to the next heading of the same or a higher level.
  private static func section(titled title: String, in lines: [Substring]) -> Range<Int>? {
    let wanted = normalized(title[...])
    var start: (index: Int, level: Int)?
    var fence: Substring?
    for (index, line) in lines.enumerated() {
      let trimmed = line.drop { $0 == " " }
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
        continue
      }
      if line.count - trimmed.count <= 3, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = trimmed.prefix(3)
        continue
      }
      guard let (level, text) = atxHeading(line) else { continue }
      if let open = start {
        if level <= open.level { return open.index + 1..<index }
      } else if normalized(text) == wanted {
        start = (index, level)
      }
    }
    return start.map { $0.index + 1..<lines.count }
  }

  /// The level and text of an ATX heading line, or nil when the line is not one.
  private static func atxHeading(_ line: Substring) -> (Int, Substring)? {
    let trimmed = line.drop { $0 == " " }
    guard line.count - trimmed.count <= 3 else { return nil }
    let level = trimmed.prefix { $0 == "#" }.count
    guard (1...6).contains(level) else { return nil }
    let rest = trimmed.dropFirst(level)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    var text = rest.trimmingWhitespace
    let closing = text.reversed().prefix { $0 == "#" }.count
    if closing > 0 {
      let beforeClosing = text.dropLast(closing)
      if beforeClosing.isEmpty || beforeClosing.last == " " || beforeClosing.last == "\t" {
        text = beforeClosing.trimmingWhitespace
      }
    }
    return (level, text)
  }

  /// A blockquote line's content without its first `>` and the space after it, or nil.
  private static func quoteContent(of line: Substring) -> Substring? {
    let trimmed = line.drop { $0 == " " }
    guard line.count - trimmed.count <= 3, trimmed.first == ">" else { return nil }
    let content = trimmed.dropFirst()
    return content.first == " " ? content.dropFirst() : content
  }

  private static func normalized(_ text: Substring) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

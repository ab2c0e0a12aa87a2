import ProseDiff

/// Writes redlines and the site's pages as plain HTML: one self-contained page each (the style sheet inline, no script), readable on screen and printed.
enum HTMLWriter {
  /// A whole page titled `title` around `body`.
  static func page(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="biostore">
    <title>\(escaped(title))</title>
    <style>\(styleSheet)</style>
    </head>
    <body>
    <main>
    \(body)
    </main>
    </body>
    </html>

    """
  }

  /// `document` as a page: its title, then each section's heading (when there are several), detail line and paragraphs.
  static func page(of document: RedlineDocument) -> String {
    page(title: document.title, body: body(of: document, headingLevel: 1))
  }

  /// `document`'s title and sections, its title a heading of `headingLevel`, for a page of its own or inside another.
  static func body(of document: RedlineDocument, headingLevel level: Int) -> String {
    var html = "<h\(level)>\(escaped(document.title))</h\(level)>\n"
    let changes = document.sections.contains { section in
      section.paragraphs.contains { $0.contains { $0.kind != .same } }
    }
    if changes {
      html +=
        "<p class=\"legend\"><del>deleted</del> and <ins>inserted</ins> words are marked; re-wrapping is not a change.</p>\n"
    }
    for section in document.sections {
      html += "<section class=\"variant\" id=\"\(escaped(section.heading))\">\n"
      if document.sections.count > 1 {
        html += "<h\(level + 1)>\(escaped(section.heading))</h\(level + 1)>\n"
      }
      if !section.detail.isEmpty { html += "<p class=\"detail\">\(escaped(section.detail))</p>\n" }
      html += paragraphs(section.paragraphs, author: section.author, date: section.date)
      html += "</section>\n"
    }
    return html
  }

  /// Paragraphs as `<div class="text">` of `<p>`s, deletions as `<del>` and insertions as `<ins>` (with the author and date as their title and `datetime`).
  static func paragraphs(
    _ paragraphs: [[RedlineSegment]], author: String = "", date: Timestamp? = nil
  ) -> String {
    var html = "<div class=\"text\">\n"
    let stamp =
      (date.map { " datetime=\"\($0.rfc3339)\"" } ?? "")
      + (author.isEmpty ? "" : " title=\"\(escaped(author))\"")
    for paragraph in paragraphs {
      html += "<p>"
      for (index, segment) in paragraph.enumerated() {
        let text = inline(segment.text, first: index == 0, last: index == paragraph.count - 1)
        switch segment.kind {
        case .same: html += text
        case .deleted: html += "<del\(stamp)>\(text)</del>"
        case .inserted: html += "<ins\(stamp)>\(text)</ins>"
        }
      }
      html += "</p>\n"
    }
    return html + "</div>\n"
  }

  /// A piece's text escaped, its line breaks read as spaces (re-wrapping is layout) except before a list item, and the indentation starting its lines dropped (the pieces hold no blockquote markers).
  private static func inline(_ text: String, first: Bool, last: Bool) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0)
    }
    for index in lines.indices where index > 0 || first {
      lines[index] = String(lines[index].drop { $0 == " " || $0 == "\t" })
    }
    if last {
      lines[lines.count - 1] = String(
        lines[lines.count - 1].reversed().drop(while: \.isWhitespace).reversed())
    }
    var html = escaped(lines[0])
    for line in lines.dropFirst() {
      html += (startsListItem(line) ? "<br>\n" : "\n") + escaped(line)
    }
    return html
  }

  /// Whether a line begins a Markdown list item (`- `, `* `, `+ `, `1. `), which keeps its own line.
  private static func startsListItem(_ line: String) -> Bool {
    if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { return true }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
  }

  /// `text` with `&`, `<`, `>` and `"` written as entities, for text and attribute values alike.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }

  /// The one style sheet: a readable column, struck red deletions, underlined green insertions (which stay marked in black-and-white print).
  static let styleSheet = """

    body { font: 16px/1.55 Georgia, "DejaVu Serif", serif; color: #1b1b1b; background: #fff; margin: 0; }
    main { max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
    h1, h2, h3 { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; line-height: 1.25; }
    h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1.05rem; }
    a { color: #0b4f9c; }
    del + ins { margin-left: 0.2em; }
    del { color: #a3161b; background: #fde8e8; text-decoration: line-through; }
    ins { color: #0d5c1e; background: #e3f6e6; text-decoration: underline; }
    .detail, .legend, .meta, .note { color: #555; font-size: 0.9rem; }
    .text { border-left: 3px solid #ddd; padding-left: 1rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
    th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e2e2e2; vertical-align: top; }
    .version { border-top: 1px solid #e2e2e2; margin-top: 1.5rem; }
    .event { color: #555; font-style: italic; }
    td:first-child { white-space: nowrap; }
    .tag { white-space: nowrap; display: inline-block; font-size: 0.8rem; padding: 0 0.4rem; border: 1px solid #999; border-radius: 0.6rem; margin-right: 0.25rem; }
    .over { color: #a3161b; font-weight: bold; }
    nav { font-size: 0.9rem; margin-bottom: 1rem; }
    @media print { main { max-width: none; margin: 0; } a { color: inherit; } nav { display: none; } }

    """
}

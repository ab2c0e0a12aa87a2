import BioStore

/// How `tag`, `engagements` and `recall` print an engagement: a heading line, then one line per version sent.
///
/// Titles, venues and notes are escaped (`escapedForOneLine`): a tag written with stock git may hold
/// a terminal's escape sequences, which must reach the screen as text.
enum EngagementRecord {
  /// The engagement's lines; with `details`, its note and limit too.
  static func lines(of engagement: Engagement, details: Bool = false) -> [String] {
    var heading = "\(engagement.date)  \(engagement.name)"
    if !engagement.title.isEmpty && engagement.title != engagement.name.rawValue {
      heading += "  \(engagement.title.escapedForOneLine)"
    }
    if let venue = engagement.venue { heading += "  (\(venue.escapedForOneLine))" }
    var lines = [heading]
    if details {
      if !engagement.note.isEmpty {
        lines += engagement.note.split(separator: "\n", omittingEmptySubsequences: false).map {
          "    " + String($0).escapedForOneLine
        }
      }
      if let limit = engagement.limit { lines.append("    limit: \(limit) words") }
    }
    let width = engagement.sent.map(\.version.variant.rawValue.count).max() ?? 0
    for sent in engagement.sent {
      let variant = sent.version.variant.rawValue
      var line =
        "    " + variant + String(repeating: " ", count: width - variant.count)
        + "  \(sent.version.date.rfc3339)  \(sent.version.id.short)  \(sent.words) words"
      if sent.isOverLimit, let limit = engagement.limit { line += "  over the \(limit)-word limit" }
      lines.append(line)
    }
    if engagement.sent.isEmpty { lines.append("    (no versions could be read)") }
    return lines
  }
}

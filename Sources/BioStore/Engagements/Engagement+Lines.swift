extension Engagement {
  /// The lines `engagements`, `recall` and `tag` print of this engagement; with `details`, its note and limit too.
  ///
  /// Titles, venues and notes are escaped (`escapedForOneLine`): a tag written with stock git may
  /// hold a terminal's escape sequences, which must reach the screen as text.
  public func lines(details: Bool = false) -> [String] {
    let engagement = self
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
      if let limit = engagement.limit { lines.append("    limit: \(limit)") }
    }
    let width = engagement.sent.map(\.variant.rawValue.count).max() ?? 0
    for sent in engagement.sent {
      let variant = sent.variant.rawValue
      var line =
        "    " + variant + String(repeating: " ", count: width - variant.count)
        + "  \(sent.version.date.rfc3339)  \(sent.version.id.short)  \(CountingRule.words.describe(sent.words))"
      if sent.isOverLimit, let limit = engagement.limit, let length = sent.length {
        line +=
          limit.rule == .words
          ? "  over the \(limit.count)-word limit"
          : "  \(limit.rule.describe(length)), over the limit of \(limit)"
      }
      lines.append(line)
    }
    if engagement.sent.isEmpty { lines.append("    (no versions could be read)") }
    return lines
  }
}

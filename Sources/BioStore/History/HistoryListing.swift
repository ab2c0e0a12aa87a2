/// The text `history` prints: one aligned line per version, newest first.
public enum HistoryListing {
  /// A line of its own for a removal or a rename: its position on the main line (0 is the tip) and what it says.
  public struct Event: Sendable {
    /// First-parent steps from the tip.
    public var position: Int
    /// The whole line, without its line break.
    public var line: String
  }

  /// `date  id  words  +added −removed  [engagements]  summary` for each entry, columns aligned, with `events` on lines of their own where they happened.
  public static func text(_ entries: [HistoryEntry], events: [Event] = []) -> String {
    let wordsWidth = entries.map { String($0.words).count }.max() ?? 0
    let changeWidth = entries.map { "+\($0.added) −\($0.removed)".count }.max() ?? 0
    var output = ""
    var pending = events.sorted { $0.position < $1.position }[...]
    for entry in entries {
      while let event = pending.first, event.position < (entry.version.lineIndex ?? .max) {
        output += event.line + "\n"
        pending.removeFirst()
      }
      let words = String(entry.words)
      let change = "+\(entry.added) −\(entry.removed)"
      let sent =
        entry.engagements.isEmpty ? "" : "  [\(entry.engagements.joined(separator: ", "))]"
      output += "\(entry.version.date.rfc3339)  \(entry.version.id.short)  "
      output += String(repeating: " ", count: wordsWidth - words.count) + words + " words  "
      output += change + String(repeating: " ", count: changeWidth - change.count)
      output += "\(sent)  \(entry.version.summary)\n"
    }
    for event in pending { output += event.line + "\n" }
    return output
  }
}

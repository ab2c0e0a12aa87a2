/// The text `history` prints: one aligned line per version, newest first.
public enum HistoryListing {
  /// `date  id  words  +added −removed  [engagements]  summary` for each entry, columns aligned.
  public static func text(_ entries: [HistoryEntry]) -> String {
    let wordsWidth = entries.map { String($0.words).count }.max() ?? 0
    let changeWidth = entries.map { "+\($0.added) −\($0.removed)".count }.max() ?? 0
    var output = ""
    for entry in entries {
      let words = String(entry.words)
      let change = "+\(entry.added) −\(entry.removed)"
      let sent =
        entry.engagements.isEmpty ? "" : "  [\(entry.engagements.joined(separator: ", "))]"
      output += "\(entry.version.date.rfc3339)  \(entry.version.id.short)  "
      output += String(repeating: " ", count: wordsWidth - words.count) + words + " words  "
      output += change + String(repeating: " ", count: changeWidth - change.count)
      output += "\(sent)  \(entry.version.summary)\n"
    }
    return output
  }
}

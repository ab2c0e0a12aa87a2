import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore history`: a variant's versions, newest first.
  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract:
        "List a variant's versions newest first: as-of date, id, words, +added −removed, note.")

    @ParentCommand var root: Biostore

    @Argument(help: "The variant, e.g. biosketch.")
    var variant: String

    @Option(help: ArgumentHelp("Only versions dated on or after this date.", valueName: "date"))
    var since: String?

    @Option(
      help: ArgumentHelp(
        "Only versions dated on or before the end of this date.", valueName: "date"))
    var until: String?

    @Option(help: "At most this many versions.")
    var limit: Int?

    @Flag(help: "Print one JSON document.")
    var json = false

    func validate() throws {
      if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
      let variant = try VariantName(variant)
      let since = try since.map { try DateInput(parsing: $0) }
      let until = try until.map { try DateInput(parsing: $0) }
      let entries = try root.openStore().history(
        of: variant, since: since, until: until, limit: limit)
      if json { return try Console.printJSON(entries) }
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
      Console.write(output)
    }
  }
}

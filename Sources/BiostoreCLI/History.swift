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

    @Argument(help: "The variant, e.g. biosketch.", completion: Completions.variants)
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
      try DateInput.checkRange(since: since, until: until)
      let since = try since.map { try DateInput(parsing: $0) }
      let until = try until.map { try DateInput(parsing: $0) }
      let store = try root.openStore()
      // The exact forms `QuickRead` knows were tried without opening the store; others open it here.
      guard json || since != nil || until != nil || limit != nil else {
        return Console.write(try store.historyListing(of: variant))
      }
      let entries = try store.history(of: variant, since: since, until: until, limit: limit)
      if json { return try Console.printJSON(entries) }
      Console.write(HistoryListing.text(entries))
    }
  }
}

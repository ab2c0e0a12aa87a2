import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore recall`: which bio went where, with the exact text sent.
  struct Recall: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "recall",
      abstract:
        "Find engagements by name, title, venue or note, with the exact text each was sent.",
      discussion: """
        Every word of QUERY must occur, ignoring case, in the name, title, venue or note.
        """)

    @ParentCommand var root: Biostore

    @Argument(help: "Words to look for, e.g. SC.", completion: Completions.engagements)
    var query: [String]

    @Flag(help: "Print one JSON document.")
    var json = false

    @Flag(help: "Leave out the texts.")
    var brief = false

    func validate() throws {
      if query.joined().allSatisfy(\.isWhitespace) {
        throw ValidationError("give words to look for")
      }
    }

    func run() throws {
      let listing: EngagementListing
      do {
        listing = try root.openStore().recall(query.joined(separator: " "))
      } catch let error as StoreError {
        // A script reading --json gets a document even when nothing matched; the exit code says so.
        if json, case .noEngagementMatches = error { Console.write("[]\n") }
        throw error
      }
      for warning in listing.warnings { Console.warn(warning) }
      if json {
        return try Console.printJSON(
          listing.engagements, userInfo: brief ? [:] : [Engagement.includesText: true])
      }
      for (index, engagement) in listing.engagements.enumerated() {
        if index > 0 { print() }
        print(engagement.lines(details: true).joined(separator: "\n"))
        guard !brief else { continue }
        for sent in engagement.sent {
          let version = sent.version
          print(
            "\n--- \(sent.variant) as of \(version.date.rfc3339) "
              + "(\(version.id.short), \(sent.words) words) ---")
          let text = sent.text ?? ""
          Console.write(text.hasSuffix("\n") ? text : text + "\n")
        }
      }
    }
  }
}

import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore stale`: which bios and upcoming engagements still say a retired phrase.
  struct Stale: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stale",
      abstract: "Check that no current bio or upcoming engagement still says a retired phrase.",
      discussion: """
        Looks for each PHRASE (as `grep` matches) in every variant's latest text and in what \
        each engagement dated today or later was sent; with no PHRASE, for the phrases the \
        store keeps (`--add` keeps them, in the store's git config as biostore.retired). Exit 1 \
        when anything still says one, so it can run as a check after a job change.
        """)

    @ParentCommand var root: Biostore

    @Argument(help: "Retired phrases, e.g. \"Product Manager\" (default: the store's list).")
    var phrases: [String] = []

    @Flag(help: "Keep the phrases given in the store's list of retired phrases, then check.")
    var add = false

    @Flag(name: .customLong("case"), help: "Match case too.")
    var caseSensitive = false

    @Flag(help: "Print one JSON document.")
    var json = false

    func validate() throws {
      if add && phrases.isEmpty { throw ValidationError("give the phrases to keep with --add") }
    }

    func run() throws {
      let store = try root.openStore()
      var phrases = try self.phrases.map { try Phrase($0, caseSensitive: caseSensitive) }
      if add {
        let retired = try store.retire(phrases)
        for phrase in retired.added {
          Console.note("keeping '\(phrase.text)' as a retired phrase")
        }
        for (phrase, keptAs) in retired.alreadyKept {
          Console.note("'\(phrase.text)' is kept already, as '\(keptAs)'")
        }
        // The whole list is checked, and so is every phrase given, even one kept in another form.
        var keys = Set<[[UInt8]]>()
        phrases = (try store.retiredPhrases(caseSensitive: caseSensitive) + phrases).filter {
          keys.insert($0.searchKey).inserted
        }
      }
      let report = try store.stale(
        phrases, caseSensitive: caseSensitive, today: Timestamp.now().calendarDate)
      if json {
        try Console.printJSON(report)
      } else {
        for line in Report.lines(of: report.variants) { print(line) }
        for sending in report.engagements {
          print(
            "engagement \(sending.engagement) (\(sending.date)) was sent \(sending.variant) "
              + "\(sending.id.prefix(7)), which says '\(sending.phrase)'")
        }
        if report.isClean {
          print(
            "No current variant or upcoming engagement says "
              + report.phrases.map { "'\($0)'" }.joined(separator: " or "))
        }
      }
      guard report.isClean else {
        let variants = Set(report.variants.map(\.variant)).count
        let engagements = Set(report.engagements.map(\.engagement)).count
        Console.fail(
          "\(variants) variant\(variants == 1 ? "" : "s") and \(engagements) upcoming "
            + "engagement\(engagements == 1 ? "" : "s") still say a retired phrase",
          exitCode: 1)
      }
    }
  }
}

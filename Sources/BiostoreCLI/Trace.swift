import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore trace`: when each variant started saying a phrase, stopped, or said it again.
  struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "trace",
      abstract: "When each variant started saying a phrase, stopped, and said it again.",
      discussion: """
        A version counts as saying PHRASE when its words and punctuation hold it, as `grep` \
        matches, so a version that only re-wraps or re-indents is never named (where \
        `git log -S` would name it). Versions under a variant's earlier names count as its own. \
        --sent adds the engagements that were sent a version saying it.
        """)

    @ParentCommand var root: Biostore

    @Argument(help: "The phrase, e.g. \"Principal Engineer\".")
    var phrase: String

    @Option(help: "Only this variant.", completion: Completions.variants)
    var variant: String?

    @Flag(help: "Add the engagements sent a version that says it.")
    var sent = false

    @Flag(name: .customLong("case"), help: "Match case too.")
    var caseSensitive = false

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
      let phrase = try Phrase(self.phrase, caseSensitive: caseSensitive)
      let variant = try self.variant.map { try VariantName($0) }
      let traces: [PhraseTrace]
      do {
        traces = try root.openStore().trace(phrase, variant: variant, sent: sent)
      } catch let error as StoreError {
        if json, case .noPhraseFound = error { Console.write("[]\n") }
        throw error
      }
      if json { return try Console.printJSON(traces) }
      for (index, trace) in traces.enumerated() {
        if index > 0 { print() }
        let now =
          if let renamed = trace.renamedTo { "renamed to \(renamed)" } else if trace.isRemoved {
            "removed"
          } else if trace.saysItNow { "still says it" } else { "no longer says it" }
        print("\(trace.variant) (\(now))")
        let width = trace.events.map(\.change.rawValue.count).max() ?? 0
        for event in trace.events {
          let change = event.change.rawValue
          let name = event.variant == trace.variant ? "" : "  (as \(event.variant))"
          let what = event.version?.summary.escapedForOneLine ?? "\(event.variant) removed"
          print(
            "  " + change + String(repeating: " ", count: width - change.count)
              + "  \(event.date.rfc3339)  \(event.id.short)  \(what)" + name)
        }
        for sending in trace.sent {
          print(
            "  sent to \(sending.engagement) (\(sending.date)): "
              + "\(sending.version.id.short) as of \(sending.version.date.rfc3339)")
        }
      }
    }
  }
}

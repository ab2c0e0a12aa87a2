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
        print("\(trace.variant) (\(trace.saysItNow ? "still says it" : "no longer says it"))")
        let width = trace.events.map(\.change.rawValue.count).max() ?? 0
        for event in trace.events {
          let change = event.change.rawValue
          let version = event.version
          let name = version.variant == trace.variant ? "" : "  (as \(version.variant))"
          print(
            "  " + change + String(repeating: " ", count: width - change.count)
              + "  \(version.date.rfc3339)  \(version.id.short)  \(version.summary.escapedForOneLine)"
              + name)
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

import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore list`: the variants with their latest date, number of versions and words.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the variants: latest as-of date, number of versions, words.")

    @ParentCommand var root: Biostore

    @Flag(help: "Also list variants that were removed or renamed away.")
    var all = false

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
      let summaries = try root.openStore().variants(includingRetired: all)
      if json { return try Console.printJSON(summaries) }
      guard !summaries.isEmpty else {
        return Console.note(
          "the store holds no variants; save one with `biostore save VARIANT --file FILE`")
      }
      let width = summaries.map(\.variant.rawValue.count).max() ?? 0
      for summary in summaries {
        let name = summary.variant.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
        let versions = "\(summary.versions) version\(summary.versions == 1 ? "" : "s")"
        print(
          "\(name)  \(summary.date.rfc3339)  \(versions)  \(summary.words) words"
            + (summary.retired.map { "  (\($0))" } ?? ""))
      }
    }
  }
}

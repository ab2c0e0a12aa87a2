import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore fits`: which bios fit a length limit, shortest first.
  struct Fits: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "fits",
      abstract: "List the variants whose latest version (or any version) fits a length limit.",
      discussion: """
        LIMIT is 100 (or 100w) words, 100w:pretalx or 1000c (characters), or a number with \
        --count. words: biostore's own (whitespace-separated, lone Markdown markers not \
        counted); pretalx: each run of letters, digits and _ (Python's \\b\\w+\\b, as pretalx \
        counts), so "don't" is two; chars: characters, line breaks included, after trimming \
        leading and trailing whitespace (as Sessionize and NIH forms count). Nothing that fits \
        is exit 1, naming the shortest.
        """)

    @ParentCommand var root: Biostore

    @Argument(help: ArgumentHelp("The limit, e.g. 100 or 100w:pretalx.", valueName: "limit"))
    var limit: String

    @Option(help: "How to count a plain number: words, pretalx or chars.")
    var count: CountingRule?

    @Flag(help: "Look at every version of every variant there has been, not only the latest.")
    var allVersions = false

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
      var limit = try LengthLimit.argument(self.limit)
      if let count {
        guard self.limit.allSatisfy(\.isNumber) || count == limit.rule else {
          throw ValidationError(
            "\(self.limit) already says how it counts; give a plain number with --count")
        }
        limit = LengthLimit(limit.count, count)
      }
      let fitting: [FittingVersion]
      do {
        fitting = try root.openStore().fitting(limit, allVersions: allVersions)
      } catch let error as StoreError {
        if json, case .nothingFits = error { Console.write("[]\n") }
        throw error
      }
      if json { return try Console.printJSON(fitting) }
      let lengths = fitting.map { limit.rule.describe($0.length) }
      let nameWidth = fitting.map(\.variant.rawValue.count).max() ?? 0
      let lengthWidth = lengths.map(\.count).max() ?? 0
      for (version, length) in zip(fitting, lengths) {
        let variant = version.variant.rawValue
        print(
          variant + String(repeating: " ", count: nameWidth - variant.count) + "  "
            + String(repeating: " ", count: lengthWidth - length.count) + length
            + "  \(version.version.date.rfc3339)  \(version.version.id.short)")
      }
    }
  }
}

extension CountingRule: ExpressibleByArgument {}

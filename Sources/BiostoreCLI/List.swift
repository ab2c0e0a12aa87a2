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
      // Every column lines up: names, units and notes to the left, numbers to the right.
      let rows = summaries.map { summary in
        [
          summary.variant.rawValue, summary.date.rfc3339, "\(summary.versions)",
          summary.versions == 1 ? "version " : "versions", "\(summary.words)",
          summary.words == 1 ? "word " : "words", summary.retired.map { "(\($0))" } ?? "",
        ]
      }
      let widths = (0..<7).map { column in rows.map { $0[column].count }.max() ?? 0 }
      for row in rows {
        var line = ""
        for (column, cell) in row.enumerated() {
          let padding = String(repeating: " ", count: widths[column] - cell.count)
          let isNumber = column == 2 || column == 4
          // A unit follows its number after one space; columns are two apart.
          line += column == 0 ? "" : column == 3 || column == 5 ? " " : "  "
          line += isNumber ? padding + cell : cell + padding
        }
        print(line.trimmingTrailingSpaces)
      }
    }
  }
}

extension String {
  /// The string without the spaces that pad its last column.
  fileprivate var trimmingTrailingSpaces: String {
    String(self[..<(lastIndex { $0 != " " }.map(index(after:)) ?? startIndex)])
  }
}

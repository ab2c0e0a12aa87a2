import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore export`: the whole store as plain text.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write every version and engagement to a new folder as plain text.",
      discussion: """
        One folder per variant with one Markdown file per version (YAML front matter: date, \
        message; then the text), named by as-of date, and engagements.yaml. `biostore import` \
        reads it back. See the README for the format.
        """)

    @ParentCommand var root: Biostore

    @Argument(help: ArgumentHelp("The folder to create.", valueName: "dir"))
    var folder: String

    func run() throws {
      let summary = try root.openStore().export(to: folder)
      for warning in summary.warnings { Console.warn(warning) }
      print("Exported \(Biostore.describe(summary)) to \(folder.escapedForOneLine)")
    }
  }

  /// "12 versions of 3 variants and 2 engagements", for export and import reports.
  static func describe(_ summary: TransferSummary) -> String {
    let versions = summary.versions.values.reduce(0, +)
    let variants = summary.versions.count
    return "\(versions) version\(versions == 1 ? "" : "s") of \(variants) variant"
      + "\(variants == 1 ? "" : "s") and \(summary.engagements.count) engagement"
      + (summary.engagements.count == 1 ? "" : "s")
  }
}

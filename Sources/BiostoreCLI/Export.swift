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

    @Argument(
      help: ArgumentHelp("The folder to create.", valueName: "dir"), completion: .directory)
    var folder: String

    func run() throws {
      let summary = try root.openStore().export(to: folder)
      for warning in summary.warnings { Console.warn(warning) }
      print("Exported \(Report.transfer(summary)) to \(folder.escapedForOneLine)")
    }
  }
}

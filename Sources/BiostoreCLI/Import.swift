import ArgumentParser
import BioStore
import Foundation

extension Biostore {
  /// `biostore import`: brings bios in from a folder in the export format.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import a folder written by `biostore export` (or by hand in its format).",
      discussion: """
        Every version keeps its as-of date and message; engagements become tags. A store that \
        already has one of the folder's variants or engagements is refused unless --append, \
        which adds only versions newer than each variant's latest and engagements it lacks.
        """)

    @ParentCommand var root: Biostore

    @Argument(help: ArgumentHelp("The folder to import.", valueName: "dir"))
    var folder: String

    @Flag(help: "Add only what is newer than the store's own versions.")
    var append = false

    func run() throws {
      let summary = try root.openStore().importFolder(
        folder, append: append, environment: ProcessInfo.processInfo.environment)
      print("Imported \(Biostore.describe(summary)) from \(folder)")
    }
  }
}

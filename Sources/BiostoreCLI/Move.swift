import ArgumentParser
import BioStore
import Foundation

extension Biostore {
  /// `biostore mv`: renames a variant, keeping its history.
  struct Move: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mv",
      abstract:
        "Rename a variant: one commit, text unchanged; its history goes on under the new name.")

    @ParentCommand var root: Biostore

    @Argument(help: "The variant's name now.", completion: Completions.variants)
    var old: String

    @Argument(help: "Its new name.")
    var new: String

    @Option(name: .shortAndLong, help: "The commit's note (default: \"Rename <old> to <new>\").")
    var message: String?

    func run() throws {
      let old = try VariantName(old)
      let new = try VariantName(new)
      let commit = try root.openStore().move(
        old, to: new, message: message)
      print("Renamed \(old) to \(new) (\(commit.short))")
    }
  }
}

import ArgumentParser
import BioStore
import Foundation

extension Biostore {
  /// `biostore rm`: retires a variant, keeping its history.
  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rm",
      abstract: "Retire a variant: one commit deleting its file; its history is kept.",
      discussion: """
        Afterwards `show VARIANT` says when it was removed, VARIANT@DATE still reaches older \
        versions, and a later `save VARIANT` starts it again with its old history kept.
        """)

    @ParentCommand var root: Biostore

    @Argument(help: "The variant to retire.")
    var variant: String

    @Option(name: .shortAndLong, help: "The commit's note (default: \"Remove <variant>\").")
    var message: String?

    func run() throws {
      let variant = try VariantName(variant)
      let commit = try root.openStore().remove(
        variant, message: message, environment: ProcessInfo.processInfo.environment)
      print(
        "Removed \(variant) (\(commit.short)); its versions stay in `biostore history \(variant)`")
    }
  }

  /// `biostore mv`: renames a variant, keeping its history.
  struct Move: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mv",
      abstract:
        "Rename a variant: one commit, text unchanged; its history goes on under the new name.")

    @ParentCommand var root: Biostore

    @Argument(help: "The variant's name now.")
    var old: String

    @Argument(help: "Its new name.")
    var new: String

    @Option(name: .shortAndLong, help: "The commit's note (default: \"Rename <old> to <new>\").")
    var message: String?

    func run() throws {
      let old = try VariantName(old)
      let new = try VariantName(new)
      let commit = try root.openStore().move(
        old, to: new, message: message, environment: ProcessInfo.processInfo.environment)
      print("Renamed \(old) to \(new) (\(commit.short))")
    }
  }
}

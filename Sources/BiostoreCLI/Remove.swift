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

    @Argument(help: "The variant to retire.", completion: Completions.variants)
    var variant: String

    @Option(name: .shortAndLong, help: "The commit's note (default: \"Remove <variant>\").")
    var message: String?

    func run() throws {
      let variant = try VariantName(variant)
      let commit = try root.openStore().remove(
        variant, message: message)
      print(
        "Removed \(variant) (\(commit.short)); its versions stay in `biostore history \(variant)`")
    }
  }
}

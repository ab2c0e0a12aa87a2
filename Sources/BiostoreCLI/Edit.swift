import ArgumentParser
import BioStore
import Foundation

extension Biostore {
  /// `biostore edit`: opens the latest text in the user's editor and saves it if it changed.
  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: "Edit the latest text of a variant in $VISUAL or $EDITOR and save it if changed.")

    @ParentCommand var root: Biostore

    @Argument(help: "The variant, e.g. biosketch.", completion: Completions.variants)
    var variant: String

    @Option(name: .shortAndLong, help: "The version's note (default: \"Update <variant>\").")
    var message: String?

    func run() throws {
      let variant = try VariantName(variant)
      let store = try root.openStore()
      let environment = ProcessInfo.processInfo.environment
      let draft = try store.editDraft(of: variant)
      let edited = try Editor(environment: environment).edit(
        draft.bytes, fileName: variant.fileName)
      guard edited != draft.bytes else {
        return try Report.print(.unchanged(variant), of: store)
      }
      let outcome: SaveOutcome
      do {
        outcome = try store.saveEdit(
          draft, edited: edited, message: message)
      } catch {
        // The last place the words can go when the store cannot keep them (a full disk).
        if case .editNotSaved(_, _, nil) = error { Console.write(bytes: edited) }
        throw error
      }
      try Report.print(outcome, of: store)
    }
  }
}

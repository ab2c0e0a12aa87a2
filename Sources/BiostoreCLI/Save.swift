import ArgumentParser
import BioStore
import Foundation

extension Biostore {
  /// `biostore save`: records a version from a file, piped stdin, or the hand-edited work-tree file.
  struct Save: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "save",
      abstract: "Record a new version of a variant.",
      discussion: """
        The text comes from --file, else from stdin when it is piped and not empty, else from the \
        variant's file in the store (a hand edit). Unchanged text records nothing.
        """)

    @ParentCommand var root: Biostore

    @Argument(help: "The variant, e.g. biosketch.", completion: Completions.variants)
    var variant: String

    @Option(
      name: .long, help: ArgumentHelp("Read the text from this file.", valueName: "file"),
      completion: .file())
    var file: String?

    @Option(name: .shortAndLong, help: "The version's note (default: \"Update <variant>\").")
    var message: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        "The as-of date: YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339 (default: now).", valueName: "when"))
    var date: String?

    @Flag(help: "Allow an as-of date more than a day in the future (refused as a likely typo).")
    var future = false

    @Flag(
      help: ArgumentHelp(
        "Put a version older than the latest in its place in date order.",
        discussion:
          "Every later version is written again on top with its text, date and message, engagements follow, and the old line is kept under refs/biostore/replaced/ (biostore undo takes it back)."
      ))
    var insert = false

    @Flag(
      help: "Rewrite commits a remote already has (refused without it: other copies would diverge)."
    )
    var rewriteShared = false

    func run() throws {
      let variant = try VariantName(variant)
      let date = try date.map { try DateInput(parsing: $0) }
      let store = try root.openStore()
      let (text, pipedEmpty) = try InputText.read(file: file)
      let outcome: SaveOutcome
      do {
        outcome = try store.save(
          variant, text: text, message: message, date: date, allowingFuture: future,
          inserting: insert, rewritingShared: rewriteShared)
      } catch {
        guard case .nothingToSave = error, pipedEmpty else { throw error }
        throw ValidationError(
          "the piped input was empty and \(variant).md in the store has no text to save; pipe the text, or give --file FILE"
        )
      }
      if pipedEmpty, case .unchanged = outcome {
        // An empty pipe falls back to the hand-edited file; say so, or "unchanged" reads as a lost save.
        return Console.note(
          "the piped input was empty, so \(variant).md in the store was read instead: it is unchanged; nothing recorded"
        )
      }
      try Report.print(outcome, of: store)
    }
  }
}

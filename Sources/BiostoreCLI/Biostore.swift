import ArgumentParser
import BioStore
import Foundation

/// The root command: only configuration and the `--store` option every subcommand shares.
struct Biostore: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "biostore",
    abstract: "Keep every version of your bios in a git repository, and find the one you sent.",
    discussion: """
      The store is --store, else $BIOSTORE_DIR, else ~/.biostore. It is an ordinary git repository: \
      one <variant>.md file per bio, one commit per version, the commit's author date as the \
      version's as-of date.
      """,
    version: "0.1.0",
    subcommands: [
      Init.self, Save.self, Edit.self, List.self, Show.self, History.self, Diff.self, Tag.self,
      Engagements.self, Recall.self, Grep.self, Trace.self, Fits.self, Stale.self, Export.self,
      Site.self,
      Import.self, ImportGit.self, Remove.self,
      Move.self, Amend.self, Undo.self, Untag.self, Remote.self, Clone.self, Pull.self, Push.self,
      Sync.self,
    ]
  )

  @Option(
    name: .long, help: ArgumentHelp("The store to use.", valueName: "path"), completion: .directory)
  var store: String?

  /// The path of the store this invocation means.
  var storePath: String { Biostore.storePath(option: store) }

  /// The store path that `--store` (nil when not given) means.
  static func storePath(option: String?) -> String {
    // Copying the whole environment is measurable in a quick read, and `--store` needs none of it.
    Store.location(
      option: option, environment: option == nil ? ProcessInfo.processInfo.environment : [:])
  }

  /// Opens the store, failing with `biostore init` advice when there is none, and finishes a write an earlier command left unfinished.
  func openStore() throws -> Store {
    let store = try Store(openingAt: storePath)
    store.onWarning = Console.warn
    store.finishUnfinishedWrite()
    return store
  }
}

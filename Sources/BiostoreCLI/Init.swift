import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore init`: creates an empty store, or says one is already there.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Create an empty store (a git repository on branch main).",
      discussion: """
        The store is marked in its own git config (biostore.store), and every other command \
        refuses a git repository without the mark. An empty git repository is marked as it is; \
        one with history (a website, a project) only with --adopt.
        """)

    @ParentCommand var root: Biostore

    @Flag(
      help:
        "Make an existing git repository with history a store: its branch takes a commit per version and every .md file in its root counts as a variant."
    )
    var adopt = false

    func run() throws {
      let path = root.storePath
      let shown = path.escapedForOneLine
      switch try Store.create(at: path, adopting: adopt) {
      case .created: print("Created an empty store at \(shown)")
      case .alreadyAStore: print("A store already exists at \(shown); nothing changed")
      case .markedEmptyRepository: print("Made the empty git repository at \(shown) a store")
      case .adopted:
        print(
          "Adopted the git repository at \(shown) as a store; `biostore list` shows its variants")
      }
    }
  }
}

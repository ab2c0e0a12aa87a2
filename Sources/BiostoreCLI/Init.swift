import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore init`: creates an empty store, or says one is already there.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Create an empty store (a git repository on branch main).")

    @ParentCommand var root: Biostore

    func run() throws {
      let path = root.storePath
      if try Store.create(at: path) != nil {
        print("Created an empty store at \(path.escapedForOneLine)")
      } else {
        print("A store already exists at \(path.escapedForOneLine); nothing changed")
      }
    }
  }
}

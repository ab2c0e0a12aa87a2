import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore remote`: the git servers (or other stores) this store pushes to and pulls from.
  struct Remote: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remote",
      abstract: "List, add or remove the remotes this store syncs with.",
      subcommands: [List.self, Add.self, Remove.self], defaultSubcommand: List.self)

    @ParentCommand var root: Biostore

    /// `biostore remote list`.
    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "List the remotes with their URLs.")
      @ParentCommand var remote: Remote

      func run() throws {
        let remotes = try remote.root.openStore().remotes()
        if remotes.isEmpty {
          Console.note("no remotes; add one with `biostore remote add origin URL`")
        }
        let width = remotes.map(\.name.count).max() ?? 0
        for (name, url) in remotes {
          print(name + String(repeating: " ", count: width - name.count) + "  " + url)
        }
      }
    }

    /// `biostore remote add`.
    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Add a remote: a git URL (ssh://, https://, git://) or a path.")
      @ParentCommand var remote: Remote
      @Argument(help: "Its name, e.g. origin.") var name: String
      @Argument(help: "Its URL.") var url: String

      func run() throws {
        try remote.root.openStore().addRemote(name, url: url)
        print("Added remote \(name) at \(url)")
      }
    }

    /// `biostore remote remove`.
    struct Remove: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a remote; the store's own versions are untouched.")
      @ParentCommand var remote: Remote
      @Argument(help: "The remote's name.") var name: String

      func run() throws {
        try remote.root.openStore().removeRemote(name)
        print("Removed remote \(name)")
      }
    }
  }
}

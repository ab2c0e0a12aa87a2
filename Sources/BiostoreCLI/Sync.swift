import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore pull`: brings a remote's versions and engagements in.
  struct Pull: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "pull",
      abstract: "Take a remote's new versions and engagements, keeping the history linear.",
      discussion: """
        When both sides have new versions, this store's are written again on top of the \
        remote's (never a merge commit); the tip before is kept under refs/biostore/replaced/.
        """)

    @ParentCommand var root: Biostore
    @Argument(help: "The remote (default: origin).") var remote = "origin"

    func run() throws {
      Report.print(try root.openStore().pull(from: remote), from: remote)
    }
  }

  /// `biostore push`: sends the branch and the engagements to a remote.
  struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "push",
      abstract: "Send this store's versions and engagements to a remote; never forces.",
      discussion:
        "Exits 1 naming each reference the server refused; `biostore pull` first when it has versions this store lacks."
    )

    @ParentCommand var root: Biostore
    @Argument(help: "The remote (default: origin).") var remote = "origin"
    @Flag(
      help:
        "Replace what the remote has even where it has versions this store lacks; they are kept here under refs/biostore/replaced/ first."
    )
    var force = false

    func run() throws {
      Report.print(try root.openStore().push(to: remote, force: force), to: remote)
    }
  }

  /// `biostore sync`: pull, then push.
  struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sync", abstract: "Pull from a remote, then push to it.")

    @ParentCommand var root: Biostore
    @Argument(help: "The remote (default: origin).") var remote = "origin"

    func run() throws {
      let store = try root.openStore()
      Report.print(try store.pull(from: remote), from: remote)
      Report.print(try store.push(to: remote), to: remote)
    }
  }

  /// `biostore clone`: a new store holding everything a remote has.
  struct Clone: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "clone",
      abstract: "Make a new store from a remote store (its remote is then origin).")

    @ParentCommand var root: Biostore
    @Argument(help: "The remote's URL or path.") var url: String
    @Argument(
      help: "Where to make the store (default: --store, $BIOSTORE_DIR or ~/.biostore).",
      completion: .directory)
    var path: String?

    func run() throws {
      let destination = path ?? root.storePath
      let (_, outcome) = try Store.clone(from: url, to: destination)
      print("Cloned \(url) into \(destination)")
      Report.print(outcome, from: "origin")
    }
  }
}

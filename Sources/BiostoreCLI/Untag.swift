import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore untag`: retires an engagement, keeping its tag where `undo` finds it.
  struct Untag: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "untag",
      abstract: "Retire an engagement; its tag is kept under refs/biostore/replaced/NAME/.",
      discussion: "`biostore undo` right after brings it back.")

    @ParentCommand var root: Biostore

    @Argument(help: "The engagement to retire.", completion: Completions.engagements)
    var name: String

    func run() throws {
      let name = try EngagementName(name)
      let kept = try root.openStore().untag(name)
      print("Retired engagement \(name); its tag is kept as \(kept)")
    }
  }
}

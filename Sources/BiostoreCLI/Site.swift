import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore site`: the whole store as static web pages.
  struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "site",
      abstract: "Write a static site of the whole store to a new folder.",
      discussion: """
        index.html lists the variants (latest date, words, versions) and the renamed ones; each \
        variant has a timeline of its versions (date, words, message, engagements sent it, \
        removals and renames) and a page per version with its text and the redline against the \
        version before; engagements.html shows what each engagement was sent, marking what went \
        over its limit. Versions can be compared two at a time (every two when a variant has up \
        to 40 versions, else each with the latest). Plain HTML and CSS, no script, no server: \
        open index.html. Written like `export`: all or nothing, into a new folder.
        """)

    @ParentCommand var root: Biostore

    @Argument(
      help: ArgumentHelp("The folder to create.", valueName: "dir"), completion: .directory)
    var folder: String

    func run() throws {
      let summary = try root.openStore().writeSite(to: folder)
      print(
        "Wrote \(summary.pages) pages to \(folder.escapedForOneLine) (\(summary.variants) variants, "
          + "\(summary.versions) versions, \(summary.comparisons) comparisons); open "
          + "\((folder + "/index.html").escapedForOneLine)")
    }
  }
}

import ArgumentParser
import BioStore
import Foundation

extension Biostore {
  /// `biostore import-git`: a file's whole git history as versions of one variant.
  struct ImportGit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import-git",
      abstract: "Import every revision of a file in a git repository as versions of a variant.",
      discussion: """
        Takes the commits of REPO's HEAD that `git log -- PATH` lists (edits on a merge's side \
        branch included, merges that take one side unchanged left out), following renames as \
        `git log --follow` does, and records a version for each whose extracted text differs \
        from its parents', in as-of date order, with the commit's author date and subject. \
        Running it again adds only what is new.
        """)

    @ParentCommand var root: Biostore

    @Argument(
      help: ArgumentHelp("The git repository to read.", valueName: "repo"), completion: .directory)
    var repository: String

    @Argument(help: ArgumentHelp("The file's path from the repository's root.", valueName: "path"))
    var path: String

    @OptionGroup var extraction: ExtractionOptions

    @Option(help: ArgumentHelp("Only revisions dated on or after this date.", valueName: "date"))
    var since: String?

    @Flag(
      help: """
        Take PATH's own history without following renames: for a file whose name flipped back \
        and forth with edits that defeat rename detection.
        """)
    var noFollow = false

    @Flag(help: "Follow copies as well as renames: for a file that began as a copy of another.")
    var followCopies = false

    @Flag(
      help:
        "Put revisions older than the variant's latest version in date order, writing later commits again (the old line is kept under refs/biostore/replaced/)."
    )
    var insert = false

    @Flag(
      help: "Rewrite commits a remote already has (refused without it: other copies would diverge)."
    )
    var rewriteShared = false

    func validate() throws {
      if noFollow && followCopies {
        throw ValidationError("give --no-follow or --follow-copies, not both")
      }
    }

    func run() throws {
      let variant = try VariantName(extraction.variant)
      let since = try since.map { try DateInput(parsing: $0) }
      let progress = ImportProgress()
      let outcome = try root.openStore().importGitHistory(
        from: repository, path: path, into: variant, extraction: extraction.extraction,
        following: noFollow ? .none : followCopies ? .copies : .renames, since: since,
        insertingOlder: insert, rewritingShared: rewriteShared,
        progress: progress.report)
      progress.finish()
      print(Report.imported(outcome, into: variant))
    }
  }
}

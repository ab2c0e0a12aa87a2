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

    @Argument(help: ArgumentHelp("The git repository to read.", valueName: "repo"))
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

    func validate() throws {
      if noFollow && followCopies {
        throw ValidationError("give --no-follow or --follow-copies, not both")
      }
    }

    func run() throws {
      let variant = try VariantName(extraction.variant)
      let since = try since.map { try DateInput(parsing: $0) }
      let progress = Progress()
      let outcome = try root.openStore().importGitHistory(
        from: repository, path: path, into: variant, extraction: extraction.extraction,
        following: noFollow ? .none : followCopies ? .copies : .renames, since: since,
        insertingOlder: insert,
        progress: progress.report)
      progress.finish()
      var details = [
        "\(outcome.revisionsRead) revision\(outcome.revisionsRead == 1 ? "" : "s") read"
      ]
      if outcome.revisionsWithoutText > 0 {
        details.append("\(outcome.revisionsWithoutText) without the text")
      }
      if outcome.alreadyImported > 0 {
        details.append("\(outcome.alreadyImported) already imported")
      }
      if outcome.olderLeftOut > 0 {
        details.append("\(outcome.olderLeftOut) older left out")
      }
      if outcome.olderInserted > 0 {
        details.append(
          "\(outcome.olderInserted) older inserted in date order, \(outcome.replayed) later commit\(outcome.replayed == 1 ? "" : "s") written again"
            + (outcome.keptTip.map { ", the old tip kept as \($0)" } ?? ""))
      }
      let count = outcome.recorded.count
      let span =
        outcome.recorded.first.map { first in
          let last = outcome.recorded.last?.date.day ?? first.date.day
          return first.date.day == last ? ", \(last)" : ", \(first.date.day) to \(last)"
        } ?? ""
      print(
        "Imported \(count) version\(count == 1 ? "" : "s") of \(variant)\(span) "
          + "(\(details.joined(separator: ", ")))")
    }
  }

  /// The options `import` and `import-git` share: the variant, and which part of the file to take.
  struct ExtractionOptions: ParsableArguments {
    @Option(help: "The variant to record the text as, e.g. biosketch.")
    var variant: String

    @Option(
      help: ArgumentHelp("Take only the part under this Markdown heading.", valueName: "heading"))
    var section: String?

    @Flag(help: "Take only the blockquote lines (inside the section), without their '>'.")
    var quote = false

    /// The extraction these options ask for.
    var extraction: TextExtraction { TextExtraction(heading: section, quoteOnly: quote) }
  }

  /// Progress on stderr: a live count on a terminal, else a line per 100 revisions.
  final class Progress {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var shown = false

    /// Notes that `done` of the `total` commits that change the file have been read.
    func report(_ done: Int, _ total: Int) {
      let line = "read commit \(done) of \(total) that change the file"
      if isTerminal {
        FileHandle.standardError.write(Data("\rbiostore: \(line)".utf8))
        shown = true
      } else if done % 100 == 0 {
        Console.note(line)
      }
    }

    /// Ends a live count with a line break.
    func finish() {
      if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
  }
}

import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore amend`: corrects a version's as-of date or message.
  struct Amend: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "amend",
      abstract: "Correct a version's as-of date or message.",
      discussion: """
        The version's commit and every later one are written again, as a rebase would: texts, \
        dates, messages and committers stay, engagements follow, and the old line is kept under \
        refs/biostore/replaced/ (`biostore undo` takes the amend back). The new date must lie \
        between the variant's previous and next versions.
        """)

    @ParentCommand var root: Biostore

    @Argument(
      help: "The version, e.g. biosketch or biosketch@2024-04.", completion: Completions.specs)
    var spec: String

    @Option(
      name: .long,
      help: ArgumentHelp(
        "The new as-of date: YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339.", valueName: "when"))
    var date: String?

    @Option(name: .shortAndLong, help: "The new message.")
    var message: String?

    @Flag(help: "Allow an as-of date more than a day in the future.")
    var future = false

    @Flag(
      help: "Rewrite commits a remote already has (refused without it: other copies would diverge)."
    )
    var rewriteShared = false

    func validate() throws {
      if date == nil && message == nil {
        throw ValidationError("give --date WHEN or -m MESSAGE (or both) to change")
      }
    }

    func run() throws {
      let spec = try Spec(parsing: spec)
      let outcome = try root.openStore().amend(
        spec, date: try date.map { try DateInput(parsing: $0) }, message: message,
        allowingFuture: future, rewritingShared: rewriteShared)
      let version = outcome.version
      print(
        "Amended \(version.variant): as of \(version.date.rfc3339) (\(version.id.short)) \(version.summary); "
          + "\(outcome.replayed) later commit\(outcome.replayed == 1 ? "" : "s") written again, the old line kept as \(outcome.keptTip)"
      )
    }
  }
}

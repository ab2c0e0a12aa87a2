import ArgumentParser
import BioStore
import Foundation

extension Biostore {
  /// `biostore tag`: records which versions an engagement was sent.
  struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tag",
      abstract: "Record an engagement: a talk, panel or proposal and the versions it was sent.",
      discussion: """
        Writes one annotated tag, engagements/NAME, pinning each version given (one per \
        variant). Tagging never makes a commit. An existing NAME is refused unless --force, \
        which keeps the replaced tag under refs/biostore/replaced/NAME/ and carries over \
        every field not given again, and the versions when none are given: \
        `biostore tag --edit NAME --note TEXT` changes only the note (--edit is --force for an \
        engagement that must exist already). Give a field as '' to clear it.
        """)

    @ParentCommand var root: Biostore

    @Argument(help: "The engagement's name, e.g. sc24-tpc.", completion: Completions.engagements)
    var name: String

    @Argument(
      help: ArgumentHelp(
        "The versions sent, e.g. biosketch@2024-04 (with --force, none keeps the old ones).",
        valueName: "spec"), completion: Completions.specs)
    var specs: [String] = []

    @Option(help: "A title (default: the name).")
    var title: String?

    @Option(
      help: ArgumentHelp(
        "The engagement date, YYYY-MM-DD; YYYY-MM or YYYY means its first day (default: today).",
        valueName: "day"))
    var date: String?

    @Option(help: "Where it takes place.")
    var venue: String?

    @Option(help: "A free-text note.")
    var note: String?

    @Option(
      help: ArgumentHelp(
        "The length limit it set: 100 (or 100w) words, 100w:pretalx (words as pretalx counts them) or 1000c (characters); longer versions get a warning.",
        valueName: "limit"),
      transform: LengthLimit.argument)
    var limit: LengthLimit?

    @Flag(
      help:
        "Replace an existing engagement of that name, keeping the old tag and every field not given again."
    )
    var force = false

    @Flag(
      help:
        "Change an existing engagement: the fields given (and the versions, if any are given) replace the old ones, the rest is kept; the old tag is kept."
    )
    var edit = false

    func validate() throws {
      if specs.isEmpty && !force && !edit {
        throw ValidationError(
          "name at least one version to tag (e.g. biosketch); only --force keeps the versions of the tag it replaces"
        )
      }
    }

    func run() throws {
      let name = try EngagementName(name)
      let specs = try specs.map { try Spec(parsing: $0) }
      let details = EngagementDetails(
        title: title, note: note, date: try date.map { try CivilDate(parsing: $0) }, venue: venue,
        limit: limit)
      let outcome = try root.openStore().tag(
        name, versions: specs, details: details, force: force || edit, mustExist: edit)
      let engagement = outcome.engagement
      for sent in engagement.sent where sent.isOverLimit {
        Console.warn(
          "\(sent.variant) as of \(sent.version.date.day) has "
            + "\(engagement.limit.map { $0.rule.describe(sent.length ?? sent.words) } ?? ""), "
            + "over the limit of \(engagement.limit.map(String.init(describing:)) ?? "") for \(name); recorded anyway"
        )
      }
      if let replaced = outcome.replacedTag {
        let kept = outcome.kept.isEmpty ? "" : "; kept its \(outcome.kept.joined(separator: ", "))"
        Console.note("replaced \(name) (the old tag is kept as \(replaced))\(kept)")
      }
      print("Tagged " + engagement.lines().joined(separator: "\n"))
    }
  }
}

import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore grep`: which bios say a phrase, with a little context.
  struct Grep: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "grep",
      abstract: "Find the variants whose latest text (or any version) says a phrase.",
      discussion: """
        Each PHRASE is matched on its words and punctuation, so line breaks, re-wrapping, \
        indentation and blockquote markers between them do not matter; words match whole \
        ("Manager" is not found in "Managers"), and the last word also in its possessive \
        ("Microsoft" in "Microsoft’s"). Case is ignored unless --case is given. Several \
        phrases find any of them. No match is exit 1.
        """)

    @ParentCommand var root: Biostore

    @Argument(help: "Phrases to look for, e.g. \"Product Manager\".")
    var phrases: [String]

    @Flag(help: "Look at every version of every variant there has been, not only the latest.")
    var allVersions = false

    @Flag(name: .customLong("case"), help: "Match case too.")
    var caseSensitive = false

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
      let phrases = try self.phrases.map { try Phrase($0, caseSensitive: caseSensitive) }
      let hits: [PhraseHit]
      do {
        hits = try root.openStore().grep(phrases, allVersions: allVersions)
      } catch let error as StoreError {
        // A script reading --json gets a document even when nothing matched; the exit code says so.
        if json, case .noPhraseFound = error { Console.write("[]\n") }
        throw error
      }
      if json { return try Console.printJSON(hits) }
      for line in Report.lines(of: hits) { print(line) }
    }
  }
}

extension Report {
  /// One line per hit: variant, as-of date, short id, and the words around the match.
  static func lines(of hits: [PhraseHit]) -> [String] {
    let width = hits.map(\.variant.rawValue.count).max() ?? 0
    return hits.map { hit in
      let variant = hit.variant.rawValue
      return variant + String(repeating: " ", count: width - variant.count)
        + "  \(hit.version.date.rfc3339)  \(hit.version.id.short)  "
        + (hit.before + hit.match + hit.after).escapedForOneLine
    }
  }
}

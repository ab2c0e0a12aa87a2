import Foundation
import Testing

/// End-to-end: a cache file under `.git/biostore/index/` that was cut short, padded, emptied or changed is never believed, and the quick read answers only when its reading of the references is libgit2's.
///
/// Every check compares biostore with stock git, the oracle: `history` as text and as JSON
/// against `git log`, and `show` against `git show`.
@Suite struct DamagedCacheTests {
  /// A store with three versions of `biosketch` and one of `research`, both listings kept.
  func store() throws -> Sandbox {
    let sandbox = try Sandbox.withThreeBiosketches()
    try #require(
      try sandbox.biostore("save", "research", "--date", "2023-06", stdin: "Research.\n").status
        == 0)
    try #require(try sandbox.biostore("history", "biosketch").status == 0)
    try #require(try sandbox.biostore("history", "research").status == 0)
    return sandbox
  }

  func indexFile(_ sandbox: Sandbox, _ name: String) -> String {
    sandbox.store + "/.git/biostore/index/" + name
  }

  /// Replaces the file at `path` with `change` applied to its bytes.
  func damage(_ path: String, _ change: (inout [UInt8]) -> Void) throws {
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    change(&bytes)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  /// Checks `history` (text and JSON) and `show` of `variant` against `git log` and `git show`.
  func expectAgreement(
    _ sandbox: Sandbox, _ variant: String = "biosketch",
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let log = try sandbox.git("log", "--format=%H %aI %s", "--", "\(variant).md").stdout
      .split(separator: "\n").map(String.init)
    let json = try sandbox.biostore("history", variant, "--json")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]],
      "history --json: \(json.stderr)", sourceLocation: sourceLocation)
    let ours = entries.map { "\($0["id"] ?? "") \($0["date"] ?? "") \($0["message"] ?? "")" }
    var words: [Int] = []
    for line in log {
      let text = try sandbox.git("show", "\(line.prefix(40)):\(variant).md").stdout
      words.append(text.split(whereSeparator: \.isWhitespace).count)
    }
    let text = try sandbox.biostore("history", variant).stdout
    let shortIDs = text.split(separator: "\n").map {
      String($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
    let show = try sandbox.biostore("show", variant)
    let gitShow = try sandbox.git("show", "HEAD:\(variant).md")

    #expect(ours == log, "history --json", sourceLocation: sourceLocation)
    #expect(entries.map { $0["words"] as? Int } == words, sourceLocation: sourceLocation)
    #expect(
      shortIDs == log.map { String($0.prefix(7)) }, "history: \(text)",
      sourceLocation: sourceLocation)
    let lines = text.split(separator: "\n")
    #expect(
      lines.count == log.count && zip(lines, log).allSatisfy { $0.hasSuffix($1.dropFirst(67)) },
      "history: \(text)", sourceLocation: sourceLocation)
    #expect(show.stdout == gitShow.stdout, "show: \(show.stderr)", sourceLocation: sourceLocation)
  }

  @Test(arguments: ["last line removed", "a line duplicated", "emptied", "a byte flipped"])
  func aVariantFileThatNoLongerMatchesItsRecordIsRebuilt(damage kind: String) throws {
    let sandbox = try store()
    let file = indexFile(sandbox, "biosketch.tsv")

    try damage(file) { bytes in
      let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .dropLast().map { Array($0) + [UInt8(ascii: "\n")] }
      switch kind {
      case "last line removed": bytes = Array(lines.dropLast().joined())
      case "a line duplicated": bytes = Array((lines + [lines[1]]).joined())
      case "emptied": bytes = []
      default:
        // A digit of the last version's word count: the line still parses, with a wrong count.
        let tabs = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\t") }
        let wordsField = tabs[tabs.count - 6] + 1
        bytes[wordsField] = bytes[wordsField] == UInt8(ascii: "7") ? UInt8(ascii: "8") : 55
      }
    }

    try expectAgreement(sandbox)
    #expect(try sandbox.biostore("show", "biosketch@2022").stdout == "Two words.\n")
    #expect(
      try sandbox.biostore("list").stdout.contains(
        "biosketch  2023-01-01T00:00:00-08:00  3 versions"))
  }

  @Test func aDamagedFileOfTheVariantRenamedFromIsRebuilt() throws {
    let sandbox = try store()
    try #require(try sandbox.biostore("mv", "research", "statement").status == 0)
    try #require(try sandbox.biostore("history", "statement").status == 0)

    try damage(indexFile(sandbox, "research.tsv")) { $0 = [] }
    let json = try sandbox.biostore("history", "statement", "--json").stdout
    let entries = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
    let saves = try sandbox.git("log", "--diff-filter=AM", "--format=%H", "--", "research.md")

    #expect(
      entries?.compactMap { $0["id"] as? String } == [
        saves.stdout.trimmingCharacters(in: .newlines)
      ])
    #expect(try sandbox.biostore("show", "statement").stdout == "Research.\n")
  }

  @Test(arguments: ["truncated", "a byte flipped", "padded"])
  func aDamagedListingIsNotPrintedAndIsMadeAgain(damage kind: String) throws {
    let sandbox = try store()
    let file = indexFile(sandbox, "biosketch.listing")
    let before = try String(contentsOfFile: file, encoding: .utf8)

    try damage(file) { bytes in
      switch kind {
      case "truncated": bytes.removeLast(bytes.count - (bytes.count * 2 / 3))
      case "padded": bytes += Array("2015-01-01T00:00:00-08:00  0000000  1 words  Fake\n".utf8)
      default:
        // A letter of the last message: the listing still looks like a listing.
        let index = bytes.lastIndex(of: UInt8(ascii: "B"))!
        bytes[index] = UInt8(ascii: "X")
      }
    }

    try expectAgreement(sandbox)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
  }

  @Test func aDamagedEngagementCacheIsReadFromTheTagsAgain() throws {
    let sandbox = try store()
    try #require(try sandbox.biostore("tag", "talk", "biosketch").status == 0)
    try #require(try sandbox.biostore("history", "biosketch", "--json").status == 0)
    let folder = sandbox.store + "/.git/biostore/index/"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    let cache = try #require(names.first { $0.hasPrefix("engagements.") })

    // The pins cut off at a field boundary: what is left still reads as a line with no pins.
    try damage(folder + cache) { bytes in
      let lastTab = bytes.lastIndex(of: UInt8(ascii: "\t"))!
      bytes = Array(bytes[..<lastTab]) + [UInt8(ascii: "\n")]
    }
    let json = try sandbox.biostore("history", "biosketch", "--json").stdout

    #expect(json.contains("\"talk\""))
    try expectAgreement(sandbox)
  }

  @Test func aSaveKilledBeforeItsStateThenAResetAndAnotherSaveShowsNoResetAwayText() throws {
    let sandbox = try store()
    let state = indexFile(sandbox, "state")
    let olderState = try Data(contentsOf: URL(fileURLWithPath: state))

    // A save that died after appending its line and moving the branch, before writing `state`.
    try #require(
      try sandbox.biostore("save", "biosketch", "--date", "2024", stdin: "Reset away.\n").status
        == 0)
    try olderState.write(to: URL(fileURLWithPath: state))
    try sandbox.git("reset", "-q", "--hard", "HEAD~1")
    try #require(
      try sandbox.biostore("save", "research", "--date", "2024", stdin: "Research, again.\n")
        .status == 0)

    try expectAgreement(sandbox)
    try expectAgreement(sandbox, "research")
    #expect(try sandbox.biostore("show", "biosketch").stdout == "Three more words.\n")
    #expect(try sandbox.biostore("show", "biosketch@2025").stdout == "Three more words.\n")
  }

  @Test func aLongerFileWhoseRecordedPartMatchesIsReadAsThatPart() throws {
    let sandbox = try store()
    let file = indexFile(sandbox, "biosketch.tsv")
    let forged =
      "V\t\(String(repeating: "ab", count: 20))\t4102444800\t0\t"
      + "\(String(repeating: "cd", count: 20))\t9\t9\t0\t3\tNever committed\t-\n"

    try damage(file) { $0 += Array(forged.utf8) }

    try expectAgreement(sandbox)
    #expect(try sandbox.biostore("show", "biosketch@2199").stdout == "Three more words.\n")
  }

  @Test(arguments: [false, true])
  func aDuplicatePackedLineForTheBranchIsNotBelievedByTheQuickRead(sortedTrait: Bool) throws {
    let sandbox = try store()
    let older = try sandbox.git("rev-parse", "HEAD").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    // The listing is kept for `older`; the branch moves on without it being made again.
    try #require(
      try sandbox.biostore("save", "biosketch", "--date", "2024", stdin: "Four.\n").status == 0)
    try sandbox.git("pack-refs", "--all")
    let newer = try sandbox.git("rev-parse", "HEAD").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)

    // Stock git and libgit2 both take the last of two lines for a name when the file is not sorted.
    let header = sortedTrait ? "# pack-refs with: peeled fully-peeled sorted \n" : ""
    try (header + "\(older) refs/heads/main\n\(newer) refs/heads/main\n").write(
      toFile: sandbox.store + "/.git/packed-refs", atomically: true, encoding: .utf8)
    let quick = try sandbox.biostore("history", "biosketch")
    let ordinary = try sandbox.biostore("history", "biosketch", "--since", "2000")

    #expect(quick.stdout == ordinary.stdout)
    #expect(quick.status == ordinary.status)
    if !sortedTrait {
      try expectAgreement(sandbox)
      #expect(quick.stdout.split(separator: "\n").count == 4)
    }
  }

  @Test(arguments: ["a blank line", "no final line break", "a comment after the lines"])
  func aPackedRefsFileLibgit2CannotReadIsNotReadByTheQuickReadEither(damage kind: String) throws {
    let sandbox = try store()
    try sandbox.git("pack-refs", "--all")
    let tip = try sandbox.git("rev-parse", "HEAD").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let line = "\(tip) refs/heads/main"
    let text =
      switch kind {
      case "a blank line": "\n\(line)\n"
      case "no final line break": line
      default: "\(line)\n# a note\n"
      }

    try text.write(
      toFile: sandbox.store + "/.git/packed-refs", atomically: true, encoding: .utf8)
    let quick = try sandbox.biostore("history", "biosketch")
    let ordinary = try sandbox.biostore("history", "biosketch", "--since", "2000")

    #expect(quick.status == ordinary.status)
    #expect(quick.stdout == ordinary.stdout)
  }

  @Test func aStalePackedLineUnderTheLooseBranchFileIsOverriddenAsGitOverridesIt() throws {
    let sandbox = try store()
    try sandbox.git("pack-refs", "--all")

    // The save writes a loose branch file; the packed line for the branch is now stale.
    try #require(
      try sandbox.biostore("save", "biosketch", "--date", "2024", stdin: "Four.\n").status == 0)

    try expectAgreement(sandbox)
    let emptied = sandbox.store + "/.git/refs/heads/main"
    try Data().write(to: URL(fileURLWithPath: emptied))
    let quick = try sandbox.biostore("history", "biosketch")
    #expect(quick.status != 0)
    #expect(quick.stdout.isEmpty)
  }
}

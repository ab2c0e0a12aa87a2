import Dispatch
import Foundation
import Testing

/// End-to-end: the history index never answers from a stale tip, and losing or damaging it changes nothing but speed.
@Suite struct HistoryIndexTests {
  func store() throws -> Sandbox {
    let sandbox = try Sandbox.withThreeBiosketches()
    try #require(try sandbox.biostore("history", "biosketch").status == 0)
    return sandbox
  }

  /// `history --json`'s dates and messages, and `git log -- biosketch.md`'s, newest first.
  func bothHistories(_ sandbox: Sandbox) throws -> (ours: [String], git: [String]) {
    let json = try sandbox.biostore("history", "biosketch", "--json").stdout
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let ours = entries.map { "\($0["id"] ?? "") \($0["date"] ?? "") \($0["message"] ?? "")" }
    let git = try sandbox.git("log", "--format=%H %aI %s", "--", "biosketch.md").stdout
      .split(separator: "\n").map(String.init)
    return (ours, git)
  }

  @Test func aCommitMadeWithStockGitIsCaughtUp() throws {
    let sandbox = try store()
    try "By hand.\n".write(
      toFile: sandbox.store + "/biosketch.md", atomically: true, encoding: .utf8)
    try sandbox.git("commit", "-qam", "Edited with git")

    let (ours, git) = try bothHistories(sandbox)

    #expect(ours.count == 4)
    #expect(ours == git)
    #expect(try sandbox.biostore("show", "biosketch").stdout == "By hand.\n")
  }

  @Test func aRewrittenHistoryRebuildsTheIndex() throws {
    let sandbox = try store()
    try sandbox.git("reset", "-q", "--hard", "HEAD~2")
    try "Another second.\n".write(
      toFile: sandbox.store + "/biosketch.md", atomically: true, encoding: .utf8)
    try sandbox.git("commit", "-qam", "Rewritten")

    let (ours, git) = try bothHistories(sandbox)
    let latest = try sandbox.biostore("show", "biosketch")
    let atDate = try sandbox.biostore("show", "biosketch@2023")

    #expect(ours == git)
    #expect(ours.count == 2)
    #expect(latest.stdout == "Another second.\n")
    #expect(atDate.stdout == "One.\n")
  }

  @Test func aRebaseOntoAnotherLineIsSeenAsANewHistory() throws {
    let sandbox = try store()
    try sandbox.git("checkout", "-q", "-b", "side", "HEAD~1")
    try "Notes.\n".write(toFile: sandbox.store + "/notes.md", atomically: true, encoding: .utf8)
    try sandbox.git("add", "notes.md")
    try sandbox.git("commit", "-qm", "Notes on the side")
    try sandbox.git("checkout", "-q", "main")
    let before = try sandbox.biostore("history", "biosketch").stdout

    try sandbox.git("rebase", "-q", "side")
    let after = try sandbox.biostore("history", "biosketch").stdout
    let (ours, git) = try bothHistories(sandbox)
    let head = try sandbox.git("rev-parse", "--short=7", "HEAD").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)

    #expect(ours == git)
    #expect(ours.count == 3)
    #expect(after != before)
    #expect(after.split(separator: "\n").first?.contains("  \(head)  ") == true)
    #expect(try sandbox.biostore("list").stdout.contains("notes"))
  }

  @Test func aDeletedOrDamagedIndexChangesNothingButSpeed() throws {
    let sandbox = try store()
    let index = sandbox.store + "/.git/biostore/index"
    let before = try sandbox.biostore("history", "biosketch", "--json").stdout

    try FileManager.default.removeItem(atPath: index)
    let afterDeleting = try sandbox.biostore("history", "biosketch", "--json").stdout
    try "V\tnot a line\n".write(
      toFile: index + "/biosketch.tsv", atomically: true, encoding: .utf8)
    let afterDamage = try sandbox.biostore("history", "biosketch", "--json").stdout
    let file = try String(contentsOfFile: index + "/biosketch.tsv", encoding: .utf8)
    try String(file.dropLast(20)).write(
      toFile: index + "/biosketch.tsv", atomically: true, encoding: .utf8)
    let afterTruncating = try sandbox.biostore("history", "biosketch", "--json").stdout
    try "garbage".write(toFile: index + "/state", atomically: true, encoding: .utf8)
    let afterBadState = try sandbox.biostore("list").stdout

    #expect(afterDeleting == before)
    #expect(afterDamage == before)
    #expect(afterTruncating == before)
    #expect(afterBadState.hasPrefix("biosketch  2023-01-01T00:00:00-08:00  3 versions  3 words"))
    #expect(try sandbox.git("status", "--porcelain").stdout.isEmpty)
  }

  @Test func theKeptListingFollowsEngagementTagsAddedAndRemoved() throws {
    let sandbox = try store()
    let before = try sandbox.biostore("history", "biosketch").stdout

    try #require(try sandbox.biostore("tag", "talk", "biosketch").status == 0)
    let tagged = try sandbox.biostore("history", "biosketch").stdout
    try sandbox.git("tag", "-d", "engagements/talk")
    let untagged = try sandbox.biostore("history", "biosketch").stdout

    #expect(!before.contains("[talk]"))
    #expect(tagged.split(separator: "\n").first?.contains("[talk]") == true)
    #expect(untagged == before)
  }

  @Test func theQuickReadFollowsPackedRefsAndMovesMadeWithStockGit() throws {
    let sandbox = try store()
    let before = try sandbox.biostore("history", "biosketch").stdout
    try #require(try sandbox.biostore("tag", "talk", "biosketch").status == 0)
    try sandbox.git("pack-refs", "--all")

    let packed = try sandbox.biostore("history", "biosketch").stdout
    try sandbox.git("tag", "-d", "engagements/talk")
    let untagged = try sandbox.biostore("history", "biosketch").stdout
    try "By hand.\n".write(
      toFile: sandbox.store + "/biosketch.md", atomically: true, encoding: .utf8)
    try sandbox.git("commit", "-qam", "Edited with git")
    let moved = try sandbox.biostore("history", "biosketch").stdout
    let head = try sandbox.git("rev-parse", "--short=7", "HEAD").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try FileManager.default.removeItem(atPath: sandbox.store + "/.git/biostore/index")
    let rebuilt = try sandbox.biostore("history", "biosketch").stdout

    #expect(packed.split(separator: "\n").first?.contains("[talk]") == true)
    #expect(untagged == before)
    #expect(moved.split(separator: "\n").count == 4)
    #expect(moved.split(separator: "\n").first?.contains("  \(head)  ") == true)
    #expect(moved.hasSuffix(before))
    #expect(rebuilt == moved)
  }

  @Test func aDetachedHeadIsAnsweredFromTheBranchAsBefore() throws {
    let sandbox = try store()
    let before = try sandbox.biostore("history", "biosketch").stdout

    try sandbox.git("checkout", "-q", "--detach", "HEAD~1")
    let detached = try sandbox.biostore("history", "biosketch")
    let withOption = try sandbox.biostore("--store", sandbox.store, "history", "biosketch")

    #expect(detached.status == 0)
    #expect(detached.stdout == before)
    #expect(withOption.stdout == before)
  }

  @Test func linesAnUpdateLeftBeyondTheRecordedTipAreIgnoredByEveryRead() throws {
    let sandbox = try store()
    let file = sandbox.store + "/.git/biostore/index/biosketch.tsv"
    let before = try sandbox.biostore("history", "biosketch", "--json").stdout
    // What an update that died after its lines and before the new state leaves behind.
    let forged =
      "V\t\(String(repeating: "ab", count: 20))\t4102444800\t0\t"
      + "\(String(repeating: "cd", count: 20))\t9\t9\t0\t99\tNever committed\t-\n"
    let handle = try #require(FileHandle(forWritingAtPath: file))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(forged.utf8))
    try handle.close()

    let latest = try sandbox.biostore("show", "biosketch@2199")
    let stepBack = try sandbox.biostore("show", "biosketch@2199~1")

    #expect(latest.stdout == "Three more words.\n")
    #expect(stepBack.stdout == "Two words.\n")
    #expect(try sandbox.biostore("history", "biosketch", "--json").stdout == before)
  }

  @Test func aNumberTooLongForAnyDateInTheIndexIsDamageNotACrash() throws {
    let sandbox = try store()
    let file = sandbox.store + "/.git/biostore/index/biosketch.tsv"
    let before = try sandbox.biostore("history", "biosketch", "--json").stdout
    // Found by Scripts/fuzz: 30 digits overflowed the quick reader's number parsing.
    let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
    var fields = lines[lines.count - 1].split(separator: "\t", omittingEmptySubsequences: false)
    fields[2] = Substring(String(repeating: "9", count: 30))
    let damaged = (lines.dropLast() + [Substring(fields.joined(separator: "\t"))])
      .joined(separator: "\n")
    try (damaged + "\n").write(toFile: file, atomically: true, encoding: .utf8)

    let latest = try sandbox.biostore("show", "biosketch@2030")

    #expect(latest.status == 0)
    #expect(latest.stdout == "Three more words.\n")
    #expect(try sandbox.biostore("history", "biosketch", "--json").stdout == before)
  }

  @Test func aSaveAppendsItsOwnEntryToACurrentIndex() throws {
    let sandbox = try store()
    let index = sandbox.store + "/.git/biostore/index"
    let linesBefore = try String(contentsOfFile: index + "/biosketch.tsv", encoding: .utf8)
      .split(separator: "\n").count

    try #require(
      try sandbox.biostore("save", "biosketch", "--date", "2024", stdin: "Four.\n").status == 0)
    let state = try String(contentsOfFile: index + "/state", encoding: .utf8)
    let lines = try String(contentsOfFile: index + "/biosketch.tsv", encoding: .utf8)
      .split(separator: "\n")
    let head = try sandbox.git("rev-parse", "HEAD").stdout

    #expect(state.contains(head))
    #expect(lines.count == linesBefore + 1)
    #expect(lines.last?.contains("\t1\t1\t3\t3\tUpdate biosketch") == true)
    let (ours, git) = try bothHistories(sandbox)
    #expect(ours == git)
  }

  @Test func readersCatchingUpWhileWritersAppendNeverDuplicateOrLoseAVersion() throws {
    let sandbox = try store()

    DispatchQueue.concurrentPerform(iterations: 4) { writer in
      for save in 1...5 {
        _ = try? sandbox.biostore(
          "save", "biosketch", "-m", "w\(writer) s\(save)",
          stdin: "Writer \(writer), save \(save).\n")
        _ = try? sandbox.biostore("history", "biosketch")
      }
    }
    let (ours, git) = try bothHistories(sandbox)

    #expect(ours.count == 23)
    #expect(ours == git)
  }

  /// The id `engagements --json` gives for the biosketch engagement `name` was sent.
  func sentID(_ sandbox: Sandbox, _ name: String) throws -> String? {
    let json = try sandbox.biostore("engagements", "--json").stdout
    let list = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let engagement = list.first { $0["name"] as? String == name }
    let variants = engagement?["variants"] as? [[String: Any]]
    return variants?.first { $0["variant"] as? String == "biosketch" }?["id"] as? String
  }

  @Test func aPinOnACommitThatIsNotAVersionNamesTheVersionWhoseTextItHolds() throws {
    let sandbox = try store()
    let versions = try sandbox.git("log", "--format=%H", "--", "biosketch.md").stdout
      .split(separator: "\n").map(String.init)
    // A commit that changes only notes.txt, on the tip and on a side line off the second version.
    try "Notes.\n".write(toFile: sandbox.store + "/notes.txt", atomically: true, encoding: .utf8)
    try sandbox.git("add", "notes.txt")
    try sandbox.git("commit", "-qm", "Notes on the tip")
    try sandbox.git("tag", "engagements/on-tip")
    try sandbox.git("checkout", "-q", "-b", "side", versions[1])
    try "Side notes.\n".write(
      toFile: sandbox.store + "/notes.txt", atomically: true, encoding: .utf8)
    try sandbox.git("add", "notes.txt")
    try sandbox.git("commit", "-qm", "Notes on a side line")
    try sandbox.git("tag", "engagements/on-side")
    try sandbox.git("checkout", "-q", "main")

    // git's own answer: the newest commit at or below each tag that changed biosketch.md.
    let onTip = try sandbox.git("rev-list", "-1", "engagements/on-tip", "--", "biosketch.md")
    let onSide = try sandbox.git("rev-list", "-1", "engagements/on-side", "--", "biosketch.md")

    #expect(try sentID(sandbox, "on-tip") == onTip.stdout.trimmingCharacters(in: .newlines))
    #expect(try sentID(sandbox, "on-side") == onSide.stdout.trimmingCharacters(in: .newlines))
    #expect(onSide.stdout.hasPrefix(versions[1]))
    #expect(try sandbox.biostore("history", "biosketch").stdout.contains("[on-side]"))
    #expect(try sandbox.biostore("show", "biosketch@on-side~1").stdout == "One.\n")
  }
}

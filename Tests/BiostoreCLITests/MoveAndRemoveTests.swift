import Foundation
import Testing

/// End-to-end: `rm`, `mv`, renames made with stock git, and stores rewritten by others keep history true.
@Suite struct MoveAndRemoveTests {
  /// A store with two versions of `short` (2020, 2021) and an engagement `talk` sent the 2021 one.
  func store() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    for (year, text) in [("2020", "Short one.\n"), ("2021", "Short two words.\n")] {
      try #require(
        try sandbox.biostore("save", "short", "--date", year, "-m", "Short \(year)", stdin: text)
          .status == 0)
    }
    try #require(try sandbox.biostore("tag", "talk", "short").status == 0)
    return sandbox
  }

  func expectCleanStore(_ sandbox: Sandbox) throws {
    #expect(try sandbox.git("fsck", "--strict").status == 0)
    #expect(try sandbox.git("status", "--porcelain").stdout.isEmpty)
  }

  func lines(_ outcome: Outcome) -> [String] {
    outcome.stdout.split(separator: "\n").map(String.init)
  }

  @Test func anEngagementNamesTheVariantAsGivenAndTheNewNameReachesTagsMadeUnderTheOld() throws {
    let sandbox = try store()
    let version = try sandbox.git("rev-list", "-1", "HEAD", "--", "short.md").stdout
      .trimmingCharacters(in: .newlines)
    try #require(try sandbox.biostore("mv", "short", "speaker").status == 0)

    let tagged = try sandbox.biostore("tag", "keynote", "speaker")
    let message = try sandbox.git("cat-file", "-p", "engagements/keynote").stdout
    let listing = try sandbox.biostore("engagements", "--variant", "speaker", "--json")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]])
    func sent(_ name: String) -> [String: Any]? {
      let entry = entries.first { $0["name"] as? String == name }
      return (entry?["variants"] as? [[String: Any]])?.first
    }
    let history = try sandbox.biostore("history", "speaker").stdout
      .split(separator: "\n").first { $0.contains(version.prefix(7)) }

    #expect(tagged.status == 0)
    #expect(message.contains("Variant: speaker \(version)"))
    // `keynote` names speaker; `talk`, tagged before the rename, names short: both are found.
    #expect(Set(entries.compactMap { $0["name"] as? String }) == ["talk", "keynote"])
    #expect(sent("keynote")?["variant"] as? String == "speaker")
    #expect(sent("keynote")?["id"] as? String == version)
    #expect(sent("talk")?["id"] as? String == version)
    for name in ["keynote", "talk"] {
      #expect(try sandbox.biostore("show", "speaker@\(name)").stdout == "Short two words.\n")
      #expect(history?.contains(name) == true)
    }
    #expect(try sandbox.biostore("show", "speaker@keynote~1").stdout == "Short one.\n")
  }

  @Test func historyOfTheNewNameGoesOnIntoTheOldNamesVersions() throws {
    let sandbox = try store()

    let moved = try sandbox.biostore("mv", "short", "speaker-50w")
    try expectCleanStore(sandbox)
    let saved = try sandbox.biostore(
      "save", "speaker-50w", "--date", "2099-01-01", "--future", stdin: "Speaker three words now.\n"
    )
    try expectCleanStore(sandbox)
    let history = lines(try sandbox.biostore("history", "speaker-50w"))
    let old = try sandbox.biostore("show", "short")

    #expect(moved.status == 0 && saved.status == 0)
    #expect(history.count == 4)
    #expect(history[0].hasSuffix("Update speaker-50w") && history[0].contains("+3 −2"))
    #expect(history[1].hasSuffix("renamed short to speaker-50w"))
    #expect(history[2].hasSuffix("[talk]  Short 2021"))
    #expect(try sandbox.biostore("show", "speaker-50w@2020").stdout == "Short one.\n")
    #expect(try sandbox.biostore("show", "speaker-50w~2").stdout == "Short one.\n")
    #expect(old.status == 1)
    #expect(old.stderr.contains("short was renamed to speaker-50w"))
    #expect(try sandbox.biostore("show", "short@2021").stdout == "Short two words.\n")
    #expect(try sandbox.biostore("show", "short@talk").stdout == "Short two words.\n")
    #expect(try sandbox.git("log", "-1", "--format=%s").stdout == "Update speaker-50w\n")
    let listed = try sandbox.biostore("list", "--all").stdout
    #expect(listed.contains("short ") && listed.contains("(renamed to speaker-50w on "))
  }

  @Test func aRenameMadeWithStockGitCountsToo() throws {
    let sandbox = try store()
    try sandbox.git("mv", "short.md", "speaker-50w.md")
    try sandbox.git("commit", "-q", "-m", "Renamed by hand")

    let history = lines(try sandbox.biostore("history", "speaker-50w"))

    #expect(history.count == 3)
    #expect(history[0].hasSuffix("renamed short to speaker-50w"))
    #expect(history[2].hasSuffix("Short 2020"))
    #expect(try sandbox.biostore("show", "speaker-50w").stdout == "Short two words.\n")
  }

  @Test func removingThenSavingAgainKeepsTheOldHistory() throws {
    let sandbox = try store()

    let removed = try sandbox.biostore("rm", "short")
    try expectCleanStore(sandbox)
    let shown = try sandbox.biostore("show", "short")
    let listed = try sandbox.biostore("list").stdout
    let listedAll = try sandbox.biostore("list", "--all").stdout
    let saved = try sandbox.biostore(
      "save", "short", "--date", "2099", "--future", stdin: "Back again.\n")
    try expectCleanStore(sandbox)
    let history = lines(try sandbox.biostore("history", "short"))

    #expect(removed.status == 0)
    #expect(shown.status == 1 && shown.stderr.contains("short was removed on"))
    #expect(try sandbox.biostore("show", "short@2021").stdout == "Short two words.\n")
    #expect(!listed.contains("short"))
    #expect(listedAll.contains("(removed on "))
    #expect(saved.status == 0)
    #expect(history.count == 4)
    #expect(history[0].contains("+2 −3") && history[1].hasSuffix("short removed"))
  }

  @Test func aStockGitCommitEditingTwoVariantsIsAVersionOfEach() throws {
    let sandbox = try store()
    try "Other.\n".write(toFile: sandbox.store + "/long.md", atomically: true, encoding: .utf8)
    try "Short edited.\n".write(
      toFile: sandbox.store + "/short.md", atomically: true, encoding: .utf8)
    try sandbox.git("add", "-A")
    try sandbox.git("commit", "-q", "-m", "Both at once")

    let short = lines(try sandbox.biostore("history", "short"))
    let long = lines(try sandbox.biostore("history", "long"))

    #expect(short.first?.hasSuffix("Both at once") == true && short.count == 3)
    #expect(long.first?.hasSuffix("Both at once") == true && long.count == 1)
  }

  @Test func aRebaseThatSwapsTwoCommitsGivesTheDocumentedAnswerForADate() throws {
    let sandbox = try store()
    for (date, text) in [
      ("2023-01-01T00:00:00Z", "Third.\n"), ("2024-01-01T00:00:00Z", "Fourth.\n"),
    ] {
      try text.write(toFile: sandbox.store + "/short.md", atomically: true, encoding: .utf8)
      try sandbox.git("commit", "-q", "-am", text, "--date", date)
    }
    try #require(try sandbox.biostore("history", "short").status == 0)
    // Swap the last two commits: the 2024 text now comes first, then the 2023 one.
    let third = try sandbox.git("rev-parse", "HEAD~1").stdout.trimmingCharacters(in: .newlines)
    let fourth = try sandbox.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .newlines)
    try sandbox.git("reset", "-q", "--hard", "HEAD~2")
    for commit in [fourth, third] {
      try sandbox.git("cherry-pick", "--allow-empty", "-X", "theirs", commit)
    }

    let history = lines(try sandbox.biostore("history", "short"))

    // Commit order is kept: newest first, "Third." (2023) above "Fourth." (2024).
    #expect(history[0].hasPrefix("2023-01-01T00:00:00+00:00") && history[1].hasPrefix("2024-01-01"))
    // @DATE is the newest in commit order dated on or before DATE.
    #expect(try sandbox.biostore("show", "short@2023-06").stdout == "Third.\n")
    #expect(try sandbox.biostore("show", "short@2024-06").stdout == "Third.\n")
    #expect(try sandbox.biostore("show", "short@2022").stdout == "Short two words.\n")
    try expectCleanStore(sandbox)
  }

  @Test func aMergeIsWalkedAlongItsFirstParent() throws {
    let sandbox = try store()
    try sandbox.git("checkout", "-q", "-b", "side")
    try "From a side branch.\n".write(
      toFile: sandbox.store + "/short.md", atomically: true, encoding: .utf8)
    try sandbox.git("commit", "-q", "-am", "Side edit")
    try sandbox.git("checkout", "-q", "main")
    try sandbox.git("merge", "-q", "--no-ff", "-m", "Merge the side branch", "side")

    let history = lines(try sandbox.biostore("history", "short"))

    // The side commit is not on the first-parent line; the merge brings its text in as one version.
    #expect(history.count == 3)
    #expect(history[0].hasSuffix("Merge the side branch"))
    #expect(try sandbox.biostore("show", "short").stdout == "From a side branch.\n")
    try expectCleanStore(sandbox)
  }

  @Test(arguments: [
    (["mv", "short", "short"], 1, "already exists"),
    (["mv", "nosuch", "other"], 1, "no variant named 'nosuch'"),
    (["mv", "short", "Bad_Name"], 2, "invalid name"),
    (["rm", "nosuch"], 1, "no variant named 'nosuch'"),
  ])
  func badMovesAndRemovalsAreRefused(_ example: ([String], Int, String)) throws {
    let sandbox = try store()
    let head = try sandbox.git("rev-parse", "HEAD").stdout

    let outcome = try sandbox.biostore(example.0, stdinBytes: [])

    #expect(outcome.status == Int32(example.1))
    #expect(outcome.stderr.contains(example.2), "\(outcome.stderr)")
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
  }

  @Test func aHandEditedFileIsNeitherRemovedNorMoved() throws {
    let sandbox = try store()
    try "Unsaved.\n".write(toFile: sandbox.store + "/short.md", atomically: true, encoding: .utf8)

    let removed = try sandbox.biostore("rm", "short")
    let moved = try sandbox.biostore("mv", "short", "other")

    #expect(removed.status == 1 && removed.stderr.contains("unsaved hand edits"))
    #expect(moved.status == 1 && moved.stderr.contains("unsaved hand edits"))
    #expect(
      try String(contentsOfFile: sandbox.store + "/short.md", encoding: .utf8) == "Unsaved.\n")
  }
}

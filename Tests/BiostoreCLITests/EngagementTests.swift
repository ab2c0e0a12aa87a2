import Foundation
import Testing

/// End-to-end: `tag`, `engagements`, `recall`, engagement specs and diffs, checked with stock git.
@Suite struct EngagementTests {
  let statement2023 = """
    My research is in the storage systems of supercomputers: how parallel file
    systems and burst buffers serve scientific workflows.

    """
  let statement2025 = """
    My research is in the infrastructure of AI supercomputers: how storage and
    networks serve training at scale.

    """
  let biosketch = "Glenn K. Lockwood is a Principal Engineer at Microsoft.\n"

  /// A store with research statements from 2023 and 2025 and a 2024 biosketch.
  func store() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    for (variant, date, text) in [
      ("research-statement", "2023-05-01", statement2023),
      ("biosketch", "2024-04-08", biosketch),
      ("research-statement", "2025-02-01", statement2025),
    ] {
      try #require(
        try sandbox.biostore("save", variant, "--date", date, stdin: text).status == 0)
    }
    return sandbox
  }

  /// `store()` with `sc24-tpc` (the 2023 research statement) and `isc25-panel` (today's biosketch and statement).
  func storeWithTwoEngagements() throws -> Sandbox {
    let sandbox = try store()
    try #require(
      try sandbox.biostore(
        "tag", "sc24-tpc", "research-statement@2023", "--title", "SC24 Technical Program Committee",
        "--venue", "SC24, Atlanta", "--date", "2024-11-17"
      ).status == 0)
    try #require(
      try sandbox.biostore(
        "tag", "isc25-panel", "biosketch", "research-statement", "--title", "ISC 2025 panel",
        "--date", "2025-06-10", "--note", "An example engagement."
      ).status == 0)
    return sandbox
  }

  @Test func recallPrintsTheTextSentVerbatimAsGitHoldsIt() throws {
    let sandbox = try storeWithTwoEngagements()
    let log = try sandbox.git("log", "--format=%H %as", "--", "research-statement.md").stdout
    let pinned = try #require(log.split(separator: "\n").first { $0.hasSuffix(" 2023-05-01") })
      .prefix(40)

    let recall = try sandbox.biostore("recall", "SC")
    let atlanta = try sandbox.biostore("recall", "sc", "atlanta", "--brief")

    #expect(recall.status == 0)
    #expect(recall.stdout.hasPrefix("2024-11-17  sc24-tpc  SC24 Technical Program Committee"))
    #expect(
      recall.stdout.contains(
        "--- research-statement as of 2023-05-01T00:00:00-07:00 (\(pinned.prefix(7)), 19 words) ---\n"
          + statement2023))
    #expect(try sandbox.git("show", "\(pinned):research-statement.md").stdout == statement2023)
    // Words match where words start, so "SC" does not find the ISC panel.
    #expect(!recall.stdout.contains("isc25-panel"))
    #expect(atlanta.stdout.split(separator: "\n").count == 2)
  }

  @Test func tagsAreAnnotatedTagsStockGitListsWithTrailersItParses() throws {
    let sandbox = try storeWithTwoEngagements()
    let head = try sandbox.git("rev-parse", "HEAD").stdout

    let listed = try sandbox.git("tag", "-l", "engagements/*", "-n")
    let message = try sandbox.git("tag", "-l", "--format=%(contents)", "engagements/isc25-panel")
    let trailers = try sandbox.git("interpret-trailers", "--parse", stdin: message.stdout)
    let target = try sandbox.git("rev-parse", "engagements/isc25-panel^{commit}").stdout

    #expect(listed.stdout.contains("engagements/isc25-panel ISC 2025 panel"))
    #expect(listed.stdout.contains("engagements/sc24-tpc SC24 Technical Program Committee"))
    #expect(trailers.stdout.contains("Variant: biosketch "))
    #expect(trailers.stdout.contains("Variant: research-statement \(head.prefix(40))"))
    #expect(trailers.stdout.contains("Date: 2025-06-10"))
    #expect(target == head)
    #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "3\n")
    #expect(try sandbox.git("fsck", "--strict").status == 0)
    #expect(try sandbox.git("status", "--porcelain").stdout.isEmpty)
  }

  @Test func anEngagementDiffComparesSharedVariantsAndNamesTheOthers() throws {
    let sandbox = try storeWithTwoEngagements()

    let diff = try sandbox.biostore("diff", "sc24-tpc", "isc25-panel")
    let json = try sandbox.biostore("diff", "@sc24-tpc", "@isc25-panel", "--json")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])

    #expect(diff.status == 0)
    #expect(diff.stdout.contains("== biosketch ==\nbiosketch is only in isc25-panel"))
    #expect(diff.stdout.contains("not in sc24-tpc"))
    #expect(diff.stdout.contains("== research-statement =="))
    #expect(diff.stdout.contains("[-storage systems of-]{+infrastructure of AI+}"))
    #expect(entries.map { $0["variant"] as? String } == ["biosketch", "research-statement"])
    #expect(entries[0]["from"] is NSNull)
    #expect(entries[1]["from"] is [String: Any] && entries[1]["to"] is [String: Any])
  }

  @Test func engagementsListByDateAndHistoryNamesWhoWasSentEachVersion() throws {
    let sandbox = try storeWithTwoEngagements()

    let listing = try sandbox.biostore("engagements")
    let onlyBiosketch = try sandbox.biostore("engagements", "--variant", "biosketch", "--json")
    let since = try sandbox.biostore("engagements", "--since", "2025")
    let history = try sandbox.biostore("history", "research-statement")
    let historyJSON = try sandbox.biostore("history", "research-statement", "--json")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(historyJSON.stdout.utf8)) as? [[String: Any]])

    let headings = listing.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
    #expect(
      headings.map { String($0.prefix(20)) } == ["2024-11-17  sc24-tpc", "2025-06-10  isc25-pa"])
    #expect(onlyBiosketch.stdout.contains("\"name\" : \"isc25-panel\""))
    #expect(!onlyBiosketch.stdout.contains("sc24-tpc"))
    #expect(!since.stdout.contains("sc24-tpc"))
    #expect(history.stdout.split(separator: "\n")[0].contains("[isc25-panel]"))
    #expect(history.stdout.split(separator: "\n")[1].contains("[sc24-tpc]"))
    #expect(entries.map { $0["engagements"] as? [String] } == [["isc25-panel"], ["sc24-tpc"]])
  }

  @Test func aVariantAtAnEngagementIsTheVersionItWasSent() throws {
    let sandbox = try storeWithTwoEngagements()

    let sent = try sandbox.biostore("show", "research-statement@sc24-tpc")
    let notSent = try sandbox.biostore("show", "biosketch@sc24-tpc")

    #expect(sent.stdout == statement2023)
    #expect(notSent.status == 1)
    #expect(notSent.stderr.contains("was not sent biosketch; it was sent research-statement"))
  }

  @Test func aLimitIsRecordedAndAVersionOverItWarnedAbout() throws {
    let sandbox = try store()

    let tagged = try sandbox.biostore("tag", "short-bio", "biosketch", "--limit", "5")
    let message = try sandbox.git("tag", "-l", "--format=%(contents)", "engagements/short-bio")

    #expect(tagged.status == 0)
    #expect(
      tagged.stderr
        == "biostore: warning: biosketch as of 2024-04-08 has 9 words, over the limit of 5 words for short-bio; recorded anyway\n"
    )
    #expect(message.stdout.contains("Limit: 5 words"))
  }

  @Test func aDuplicateIsRefusedAndForceKeepsTheReplacedTag() throws {
    let sandbox = try storeWithTwoEngagements()
    let original = try sandbox.git("rev-parse", "refs/tags/engagements/sc24-tpc").stdout

    let refused = try sandbox.biostore("tag", "sc24-tpc", "biosketch")
    let unchanged = try sandbox.git("rev-parse", "refs/tags/engagements/sc24-tpc").stdout
    let forced = try sandbox.biostore("tag", "sc24-tpc", "biosketch", "--force")
    let kept = try sandbox.git("rev-parse", "refs/biostore/replaced/sc24-tpc/1").stdout

    #expect(refused.status == 1)
    #expect(refused.stderr.contains("already exists"))
    #expect(unchanged == original)
    #expect(forced.status == 0)
    #expect(kept == original)
    #expect(try sandbox.biostore("show", "biosketch@sc24-tpc").stdout == biosketch)
    #expect(try sandbox.git("fsck", "--strict").status == 0)
  }

  @Test func forceKeepsEveryFieldNotGivenAgainAndSaysWhich() throws {
    let sandbox = try storeWithTwoEngagements()
    let sent = try sandbox.git("rev-list", "-1", "HEAD~1", "--", "research-statement.md").stdout
      .trimmingCharacters(in: .newlines)
    func message() throws -> String {
      try sandbox.git("tag", "-l", "--format=%(contents)", "engagements/sc24-tpc").stdout
    }

    let noteOnly = try sandbox.biostore(
      "tag", "sc24-tpc", "--force", "--note", "Chaired the storage track.")
    let afterNote = try message()
    let cleared = try sandbox.biostore("tag", "sc24-tpc", "biosketch", "--force", "--venue", "")
    let afterClear = try message()

    #expect(noteOnly.status == 0)
    #expect(noteOnly.stderr.contains("kept its title, date, venue, versions"))
    #expect(afterNote.hasPrefix("SC24 Technical Program Committee\n\nChaired the storage track.\n"))
    for line in ["Variant: research-statement \(sent)", "Date: 2024-11-17", "Venue: SC24, Atlanta"]
    {
      #expect(afterNote.contains(line + "\n"))
    }
    #expect(cleared.status == 0 && cleared.stderr.contains("kept its title, date, note"))
    #expect(!afterClear.contains("Venue:") && afterClear.contains("Chaired the storage track."))
    #expect(
      afterClear.contains("Variant: biosketch ") && !afterClear.contains("research-statement"))
    #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "3\n")
    #expect(
      try sandbox.git("for-each-ref", "--format=%(refname)", "refs/biostore/replaced/").stdout
        == "refs/biostore/replaced/sc24-tpc/1\nrefs/biostore/replaced/sc24-tpc/2\n")
  }

  @Test func tagsWrittenWithStockGitAreUnderstood() throws {
    let sandbox = try store()
    try sandbox.git("tag", "-a", "engagements/isc24", "-m", "ISC 24 talk")
    try sandbox.git(
      "tag", "-a", "engagements/hand", "-m", "Hand-made", "-m",
      "Variant: biosketch\nDate: 2024-03-03\nVenue: Somewhere")
    try sandbox.git(
      "tag", "-a", "engagements/broken", "-m", "Broken", "-m",
      "Variant: Not_A_Name\nDate: 2024-13-45")
    try sandbox.git("tag", "engagements/light", "HEAD~1")

    let listing = try sandbox.biostore("engagements", "--json")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]])
    func variants(_ name: String) -> [String] {
      let entry = entries.first { $0["name"] as? String == name }
      return (entry?["variants"] as? [[String: Any]])?.compactMap { $0["variant"] as? String } ?? []
    }
    let hand = entries.first { $0["name"] as? String == "hand" }

    #expect(listing.status == 0)
    #expect(variants("isc24") == ["biosketch", "research-statement"])
    #expect(variants("hand") == ["biosketch"])
    #expect(hand?["date"] as? String == "2024-03-03" && hand?["venue"] as? String == "Somewhere")
    #expect(variants("broken").isEmpty)
    #expect(variants("light") == ["biosketch", "research-statement"])
    #expect(
      listing.stderr.contains(
        "biostore: warning: engagement broken: cannot read trailer 'Variant: Not_A_Name'"))
    #expect(listing.stderr.contains("cannot read trailer 'Date: 2024-13-45'"))
    #expect(try sandbox.biostore("show", "research-statement@light").stdout == statement2023)
  }

  @Test func aPinsCommitPrefixMeansTheSameToEveryReader() throws {
    let sandbox = try store()
    let statement = try sandbox.git("rev-list", "-1", "HEAD", "--", "research-statement.md")
      .stdout.trimmingCharacters(in: .newlines)
    let older = try sandbox.git("rev-list", "-1", "HEAD~1", "--", "research-statement.md")
      .stdout.trimmingCharacters(in: .newlines)
    // A short prefix, a whole id that names no object, and a prefix too short to be one.
    for (name, pin) in [
      ("short", String(older.prefix(9))), ("missing", String(repeating: "f", count: 40)),
      ("tiny", "abc"),
    ] {
      try sandbox.git(
        "tag", "-a", "engagements/\(name)", "-m", name, "-m",
        "Variant: research-statement \(pin)\nDate: 2025-03-03")
    }

    let listing = try sandbox.biostore("engagements", "--json")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]])
    func sentIDs(_ name: String) -> [String] {
      let entry = entries.first { $0["name"] as? String == name }
      return (entry?["variants"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    }
    let history = try sandbox.biostore("history", "research-statement").stdout
      .split(separator: "\n")

    #expect(statement != older)
    #expect(sentIDs("short") == [older])
    #expect(history.first { $0.contains("[short]") }?.contains(older.prefix(7)) == true)
    #expect(try sandbox.biostore("show", "research-statement@short").stdout == statement2023)
    for (name, pin) in [("missing", String(repeating: "f", count: 40)), ("tiny", "abc")] {
      let spec = try sandbox.biostore("show", "research-statement@\(name)")
      #expect(sentIDs(name).isEmpty)
      #expect(listing.stderr.contains("engagement \(name): research-statement: no commit \(pin)"))
      #expect(!history.contains { $0.contains("[\(name)]") })
      #expect(spec.status == 1 && spec.stderr.contains("'\(pin)'"))
    }
  }

  @Test func aNameThatIsBothAVariantAndAnEngagementIsTheVariantUnlessWrittenWithAt() throws {
    let sandbox = try store()
    try #require(
      try sandbox.biostore("tag", "biosketch", "research-statement@2023").status == 0)

    let plain = try sandbox.biostore("diff", "biosketch", "biosketch", "--stat")
    let engagement = try sandbox.biostore("diff", "@biosketch", "research-statement", "--stat")

    #expect(plain.stdout == "biosketch  +0 −0 words  (9 → 9 words)\n")
    #expect(engagement.stdout.hasPrefix("research-statement  +"))
  }

  @Test(arguments: [
    (["tag", "Bad_Name", "biosketch"], 2),
    (["tag", "talk", "nothing"], 1),
    (["tag", "talk", "biosketch", "biosketch@2024"], 2),
    (["tag", "talk"], 2),
    (["tag", "talk", "biosketch", "--date", "2024-02-30"], 2),
    (["tag", "talk", "biosketch", "--limit", "0"], 2),
    (["show", "biosketch@no-such-talk"], 1),
    (["diff", "@no-such-talk", "biosketch"], 1),
    (["recall", "nothing matches this"], 1),
  ])
  func badEngagementCommandsAreRefusedAndWriteNothing(_ example: ([String], Int)) throws {
    let sandbox = try store()

    let outcome = try sandbox.biostore(example.0, stdinBytes: [])

    #expect(outcome.status == Int32(example.1))
    #expect(outcome.stderr.hasPrefix("biostore: error: "))
    #expect(outcome.stderr.split(separator: "\n").count == 1)
    #expect(try sandbox.git("tag", "-l").stdout.isEmpty)
  }
}

import Foundation
import Testing

/// End-to-end: inserting an older version, amending one, retiring an engagement and undoing each write keep every text sent and every old state, with stock git as the oracle.
@Suite struct FixTheRecordTests {
  /// A store with biosketch 2019 and 2024 and a statement, engagements pinned before and after 2021, and a hand-checked work tree.
  func storeWithEngagements() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    for (arguments, text) in [
      (["save", "biosketch", "--date", "2019-12-02", "-m", "At NERSC"], "Glenn leads storage.\n"),
      (["save", "statement", "--date", "2020-05-01"], "Storage research.\n"),
      (["save", "biosketch", "--date", "2024-04-08", "-m", "Engineer"], "Glenn is an engineer.\n"),
      (["tag", "talk-2020", "biosketch@2020", "statement", "--title", "Talk"], nil),
      (["tag", "panel-2024", "biosketch", "--venue", "Hamburg"], nil),
    ] as [([String], String?)] {
      let outcome = try sandbox.biostore(arguments, stdinBytes: Array((text ?? "").utf8))
      try #require(outcome.status == 0, "\(arguments): \(outcome.stderr)")
    }
    return sandbox
  }

  /// Everything a person reads of the store: histories and engagements as JSON, `list --all`, the texts sent, and the work tree's files.
  func state(of sandbox: Sandbox) throws -> [String] {
    var lines: [String] = []
    for variant in ["biosketch", "statement", "short", "speaker"] {
      lines.append(try sandbox.biostore("history", variant, "--json").stdout)
    }
    lines.append(try sandbox.biostore("engagements", "--json").stdout)
    lines.append(try sandbox.biostore("list", "--all", "--json").stdout)
    let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.store).sorted()
    for file in files where file.hasSuffix(".md") {
      lines.append(
        file + ": " + (try String(contentsOfFile: sandbox.store + "/" + file, encoding: .utf8)))
    }
    lines.append(try sandbox.git("status", "--porcelain").stdout)
    return lines
  }

  @Test func anInsertedVersionGoesInPlaceAndEngagementsKeepTheirTexts() throws {
    let sandbox = try storeWithEngagements()
    let before = try sandbox.git("rev-parse", "HEAD").stdout
    let sent2020 = try sandbox.biostore("recall", "talk-2020").stdout
    let sent2024 = try sandbox.biostore("recall", "panel-2024").stdout

    let refused = try sandbox.biostore(
      "save", "biosketch", "--date", "2021-06-01", stdin: "Glenn manages products.\n")
    let inserted = try sandbox.biostore(
      "save", "biosketch", "--date", "2021-06-01", "--insert", "-m", "Product manager",
      stdin: "Glenn manages products.\n")
    let history = try sandbox.biostore("history", "biosketch").stdout

    #expect(refused.status == 1)
    #expect(refused.stderr.contains("give --insert"))
    #expect(inserted.status == 0, "\(inserted.stderr)")
    #expect(inserted.stdout.hasPrefix("Inserted biosketch as of 2021-06-01"))
    #expect(
      history.split(separator: "\n").map { $0.prefix(10) } == [
        "2024-04-08", "2021-06-01", "2019-12-02",
      ])
    #expect(history.contains("Product manager"))
    #expect(try sandbox.biostore("recall", "talk-2020").stdout == sent2020)
    #expect(
      try sandbox.biostore("recall", "panel-2024").stdout.replacing(#/[0-9a-f]{7}/#, with: "")
        == sent2024.replacing(#/[0-9a-f]{7}/#, with: ""))
    #expect(try sandbox.biostore("show", "biosketch").stdout == "Glenn is an engineer.\n")
    // Stock git: one linear line in date order, a clean fsck, and the old tip kept.
    #expect(try sandbox.git("rev-list", "--merges", "HEAD").stdout.isEmpty)
    #expect(
      try sandbox.git("log", "--format=%as", "--", "biosketch.md").stdout
        == "2024-04-08\n2021-06-01\n2019-12-02\n")
    #expect(try sandbox.git("fsck", "--strict").status == 0)
    #expect(
      try sandbox.git("rev-parse", "refs/biostore/replaced/refs/heads/main/1").stdout == before)
    #expect(try sandbox.git("status", "--porcelain").stdout.isEmpty)
  }

  @Test func anAmendThatWouldBreakTheDateOrderIsRefused() throws {
    let sandbox = try storeWithEngagements()
    let before = try state(of: sandbox)

    let tooLate = try sandbox.biostore("amend", "biosketch@2020", "--date", "2025-01-01")
    let tooEarly = try sandbox.biostore("amend", "biosketch", "--date", "2019-01-01")
    let amended = try sandbox.biostore(
      "amend", "biosketch@2020", "--date", "2019-12-24", "-m", "Christmas")

    #expect(tooLate.status == 1)
    #expect(tooLate.stderr.contains("after its next version"))
    #expect(tooEarly.status == 1)
    #expect(tooEarly.stderr.contains("before its previous version"))
    #expect(amended.status == 0, "\(amended.stderr)")
    #expect(
      try sandbox.git("log", "--format=%as %s", "--", "biosketch.md").stdout
        == "2024-04-08 Engineer\n2019-12-24 Christmas\n")
    #expect(try sandbox.biostore("show", "biosketch@talk-2020").stdout == "Glenn leads storage.\n")
    #expect(try sandbox.git("fsck", "--strict").status == 0)
    #expect(try sandbox.biostore("undo").status == 0)
    #expect(try state(of: sandbox) == before)
  }

  @Test(arguments: [
    ["save", "biosketch", "-m", "Newer"],
    ["save", "biosketch", "--date", "2021-06-01", "--insert"],
    ["amend", "biosketch@2020", "-m", "A better message"],
    ["tag", "sc26", "biosketch", "statement"],
    ["tag", "panel-2024", "biosketch@2020", "--force"],
    ["tag", "--edit", "talk-2020", "--note", "Changed"],
    ["untag", "talk-2020"],
    ["rm", "statement"],
    ["mv", "biosketch", "speaker"],
    ["import", "{folder}"],
  ])
  func undoTakesBackEachKindOfWriteExactly(write: [String]) throws {
    let sandbox = try storeWithEngagements()
    let folder = sandbox.root.appendingPathComponent("elsewhere").path
    let other = try Sandbox()
    try #require(try other.biostore("init").status == 0)
    try #require(
      try other.biostore("save", "short", "--date", "2023", stdin: "Short.\n").status == 0)
    try #require(try other.biostore("export", folder).status == 0)
    let before = try state(of: sandbox)
    let arguments = write.map { $0 == "{folder}" ? folder : $0 }

    let written = try sandbox.biostore(arguments, stdinBytes: Array("A new text.\n".utf8))
    let changed = try state(of: sandbox)
    let undone = try sandbox.biostore("undo")

    #expect(written.status == 0, "\(written.stderr)")
    #expect(changed != before)
    #expect(undone.status == 0, "\(undone.stderr)")
    #expect(undone.stdout.hasPrefix("Took back “"))
    #expect(try state(of: sandbox) == before)
    #expect(try sandbox.git("fsck", "--strict").status == 0)
  }

  @Test func undoTwiceTakesBackTwoAndKeepsWhatItReplaced() throws {
    let sandbox = try storeWithEngagements()
    let before = try state(of: sandbox)
    try #require(try sandbox.biostore("save", "biosketch", stdin: "Third.\n").status == 0)
    let third = try sandbox.git("rev-parse", "HEAD").stdout
    try #require(try sandbox.biostore("save", "biosketch", stdin: "Fourth.\n").status == 0)

    let first = try sandbox.biostore("undo")
    let second = try sandbox.biostore("undo")

    #expect(first.stdout.contains("Took back “save biosketch as of"))
    #expect(second.stdout.contains("Took back “save biosketch as of"))
    #expect(try state(of: sandbox) == before)
    // Nothing is lost: the undone tips stay reachable for stock git.
    let kept = try sandbox.git(
      "for-each-ref", "--format=%(objectname)", "refs/biostore/replaced/refs/heads/main/"
    ).stdout
    #expect(kept.contains(third))
    #expect(try sandbox.git("log", "--all", "--format=%s").stdout.contains("Update biosketch"))
  }

  @Test func undoRefusesWhatAnotherToolChangedSince() throws {
    let sandbox = try storeWithEngagements()
    try #require(try sandbox.biostore("save", "biosketch", stdin: "Third.\n").status == 0)
    try #require(
      try sandbox.git("tag", "-f", "-m", "by hand", "engagements/panel-2024", "HEAD~1").status == 0)
    try #require(try sandbox.biostore("tag", "extra", "biosketch").status == 0)
    try #require(try sandbox.biostore("undo").status == 0)
    try #require(try sandbox.git("commit", "--allow-empty", "-q", "-m", "by hand").status == 0)
    let head = try sandbox.git("rev-parse", "HEAD").stdout

    let refused = try sandbox.biostore("undo")

    #expect(refused.status == 1)
    #expect(refused.stderr.contains("was changed since by another tool"))
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
  }

  @Test func undoWithNothingToTakeBackSaysSo() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "biosketch", stdin: "First.\n").status == 0)

    let first = try sandbox.biostore("undo")
    try FileManager.default.removeItem(atPath: sandbox.store + "/.git/biostore/writes")
    let none = try sandbox.biostore("undo")

    #expect(first.status == 1)
    #expect(first.stderr.contains("first commit"))
    #expect(none.status == 1)
    #expect(none.stderr.contains("no biostore write to take back"))
  }

  @Test func anAmendIsCheckedAgainstTheHistoryOfTheNewNameToo() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    for (arguments, text) in [
      (["save", "a", "--date", "2020-01-01"], "A 2020.\n"),
      (["save", "a", "--date", "2021-01-01"], "A 2021.\n"),
      (["mv", "a", "b"], nil),
      (["save", "b", "--date", "2027-01-01", "--future"], "B 2027.\n"),
    ] as [([String], String?)] {
      try #require(
        try sandbox.biostore(arguments, stdinBytes: Array((text ?? "").utf8)).status == 0)
    }

    let refused = try sandbox.biostore("amend", "b@2021", "--date", "2028-01-01", "--future")

    #expect(refused.status == 1)
    #expect(refused.stderr.contains("this version of b after its next version"))
  }

  @Test func anInsertEqualToTheNextVersionIsRefusedAndMovesNoEngagement() throws {
    let sandbox = try storeWithEngagements()
    let before = try state(of: sandbox)

    let sameAsNext = try sandbox.biostore(
      "save", "biosketch", "--date", "2021-06-01", "--insert", stdin: "Glenn is an engineer.\n")

    #expect(sameAsNext.status == 1)
    #expect(sameAsNext.stderr.contains("the same as biosketch's next version"))
    #expect(try state(of: sandbox) == before)
  }

  @Test func undoRefusesToStrandAnEngagementRecordedSince() throws {
    let sandbox = try storeWithEngagements()
    try #require(try sandbox.biostore("save", "biosketch", stdin: "Third.\n").status == 0)
    try #require(
      try sandbox.git("tag", "-a", "-m", "by hand", "engagements/later", "HEAD").status == 0)
    let head = try sandbox.git("rev-parse", "HEAD").stdout

    let refused = try sandbox.biostore("undo")

    #expect(refused.status == 1)
    #expect(refused.stderr.contains("engagement later, recorded since"))
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
  }

  @Test func aPlantedWriteLogEntryIsNotActedOn() throws {
    let sandbox = try storeWithEngagements()
    let head = try sandbox.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .newlines)
    let planted =
      "{\"deletions\":[],\"recordedAt\":0,\"references\":[{\"name\":\"refs/heads/keepme\",\"new\":\"\(head)\"}],\"summary\":\"planted\"}\n"
    try planted.write(
      toFile: sandbox.store + "/.git/biostore/writes", atomically: true, encoding: .utf8)

    let refused = try sandbox.biostore("undo")

    #expect(refused.status == 1)
    #expect(refused.stderr.contains("names refs/heads/keepme, which biostore never writes"))
    #expect(try sandbox.git("for-each-ref", "refs/biostore/").stdout.isEmpty)
  }
}

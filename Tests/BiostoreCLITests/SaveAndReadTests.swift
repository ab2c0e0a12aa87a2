import Foundation
import Synchronization
import Testing

/// End-to-end: the built binary on temporary stores, checked with stock git.
@Suite struct SaveAndReadTests {
  let nersc = "Glenn works in the NERSC Storage Systems Group.\n"
  let azure = "Glenn is a product manager for Microsoft Azure Storage.\n"
  let engineer =
    "> Glenn K. Lockwood is a Principal Engineer at Microsoft,\n> where he supports AI supercomputers.\n"

  /// A store with the three biosketches of the acceptance check: 2019 from a file, 2022 piped, 2024 as a hand edit.
  func storeWithThreeBiosketches() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let file = try sandbox.file("2019.md", nersc)
    try #require(
      try sandbox.biostore(
        "save", "biosketch", "--file", file, "--date", "2019-06-01", "-m", "NERSC"
      ).status == 0)
    try #require(
      try sandbox.biostore("save", "biosketch", "--date", "2022-06", stdin: azure).status == 0)
    try engineer.write(toFile: sandbox.store + "/biosketch.md", atomically: true, encoding: .utf8)
    try #require(
      try sandbox.biostore("save", "biosketch", "--date", "2024-04-08T13:12:18-07:00").status == 0)
    return sandbox
  }

  @Test func threeBackdatedBiosketchesComeBackByDateAndAgreeWithGit() throws {
    let sandbox = try storeWithThreeBiosketches()

    let history = try sandbox.biostore("history", "biosketch")
    let atEndOf2023 = try sandbox.biostore("show", "biosketch@2023-12-31")
    let oneBack = try sandbox.biostore("show", "biosketch~1")
    let latest = try sandbox.biostore("show", "biosketch")

    let lines = history.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("2024-04-08T13:12:18-07:00"))
    #expect(lines[1].hasPrefix("2022-06-01T00:00:00-07:00"))
    #expect(lines[2].hasPrefix("2019-06-01T00:00:00-07:00"))
    #expect(lines[2].hasSuffix("NERSC"))
    #expect(lines[0].hasSuffix("Update biosketch"))
    #expect(atEndOf2023.stdout == azure)
    #expect(oneBack.stdout == azure)
    #expect(latest.stdout == engineer)
    #expect(
      try sandbox.git("log", "--format=%ad", "--date=short", "--", "biosketch.md").stdout
        == "2024-04-08\n2022-06-01\n2019-06-01\n")
    #expect(try sandbox.git("show", "HEAD:biosketch.md").stdout == latest.stdout)
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
    #expect(try sandbox.git("fsck", "--strict").status == 0)
    #expect(try sandbox.git("rev-parse", "--abbrev-ref", "HEAD").stdout == "main\n")
  }

  @Test func historyAndShowJSONCarryFullIdsAndDatesWithOffsets() throws {
    let sandbox = try storeWithThreeBiosketches()

    let history = try sandbox.biostore("history", "biosketch", "--json")
    let shown = try sandbox.biostore("show", "biosketch@2022", "--json")

    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    let gitIDs = try sandbox.git("log", "--format=%H").stdout.split(separator: "\n").map(
      String.init)
    #expect(entries.map { $0["id"] as? String } == gitIDs)
    #expect(
      entries.map { $0["date"] as? String } == [
        "2024-04-08T13:12:18-07:00", "2022-06-01T00:00:00-07:00", "2019-06-01T00:00:00-07:00",
      ])
    #expect(entries.last?["words"] as? Int == 8)
    #expect(entries.last?["added"] as? Int == 8)
    #expect(entries.last?["removed"] as? Int == 0)
    #expect(entries.first?["engagements"] as? [String] == [])
    let version = try #require(
      try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    #expect(version["variant"] as? String == "biosketch")
    #expect(version["id"] as? String == gitIDs[1])
    #expect(version["text"] as? String == azure)
    #expect(version["message"] as? String == "Update biosketch")
    #expect(version["words"] as? Int == 9)
  }

  @Test func historyFiltersByDatesAndLimit() throws {
    let sandbox = try storeWithThreeBiosketches()

    let since = try sandbox.biostore("history", "biosketch", "--since", "2020")
    let until = try sandbox.biostore("history", "biosketch", "--until", "2022-06")
    let limited = try sandbox.biostore("history", "biosketch", "--limit", "1")

    #expect(since.stdout.split(separator: "\n").count == 2)
    #expect(until.stdout.split(separator: "\n").count == 2)
    #expect(limited.stdout.split(separator: "\n").count == 1)
  }

  @Test func listShowsEachVariantWithItsLatestDateVersionsAndWords() throws {
    let sandbox = try storeWithThreeBiosketches()
    try sandbox.biostore(
      "save", "research-statement", "--date", "2025-01-02", stdin: "Research interests.\n")

    let list = try sandbox.biostore("list")
    let json = try sandbox.biostore("list", "--json")

    #expect(
      list.stdout.split(separator: "\n").map {
        $0.split(separator: " ", omittingEmptySubsequences: true).first
      } == ["biosketch", "research-statement"])
    #expect(list.stdout.contains("2024-04-08T13:12:18-07:00  3 versions  14 words"))
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(entries.map { $0["variant"] as? String } == ["biosketch", "research-statement"])
    #expect(entries.map { $0["versions"] as? Int } == [3, 1])
    #expect(
      entries.map { $0["date"] as? String } == [
        "2024-04-08T13:12:18-07:00", "2025-01-02T00:00:00-08:00",
      ])
  }

  @Test func aVersionIsFoundByACommitPrefix() throws {
    let sandbox = try storeWithThreeBiosketches()
    let middle = try sandbox.git("rev-parse", "--short=9", "HEAD~1").stdout.trimmingCharacters(
      in: .newlines)

    let shown = try sandbox.biostore("show", "biosketch@\(middle)")
    let before = try sandbox.biostore("show", "biosketch@\(middle)~1")
    let unknown = try sandbox.biostore("show", "biosketch@abcdef0123")

    #expect(shown.stdout == azure)
    #expect(before.stdout == nersc)
    #expect(unknown.status == 1)
    #expect(unknown.stderr.hasPrefix("biostore: error: "))
  }

  @Test func unchangedTextRecordsNothingAndSaysSo() throws {
    let sandbox = try storeWithThreeBiosketches()
    let head = try sandbox.git("rev-parse", "HEAD").stdout

    let again = try sandbox.biostore("save", "biosketch", stdin: engineer)
    let noInput = try sandbox.biostore("save", "biosketch")

    #expect(again.status == 0)
    #expect(again.stderr.contains("unchanged"))
    #expect(noInput.status == 0)
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
  }

  @Test func theIdentityComesFromGitConfigElseTheUser() throws {
    let sandbox = try Sandbox()
    try sandbox.biostore("init")
    try sandbox.biostore("save", "short", stdin: "one\n")
    try sandbox.git("config", "user.name", "Glenn Lockwood")
    try sandbox.git("config", "user.email", "glenn@example.org")
    try sandbox.biostore("save", "short", stdin: "two\n")

    let authors = try sandbox.git("log", "--format=%an <%ae>|%cn").stdout

    #expect(
      authors
        == "Glenn Lockwood <glenn@example.org>|Glenn Lockwood\ntester <tester@localhost>|tester\n")
  }
}

/// End-to-end: writers that run at once are serialised, none is lost.
@Suite struct ConcurrentWriterTests {
  @Test func eightSimultaneousSavesAllLandOnALinearHistory() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)

    let statuses = Mutex<[Int32]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { index in
      let status =
        (try? sandbox.biostore("save", "bio-\(index % 3)", stdin: "Text number \(index).\n").status)
        ?? -1
      statuses.withLock { $0.append(status) }
    }

    #expect(statuses.withLock { $0 } == [Int32](repeating: 0, count: 8))
    #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "8\n")
    #expect(try sandbox.git("rev-list", "--merges", "--count", "HEAD").stdout == "0\n")
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
    #expect(try sandbox.git("fsck", "--strict").status == 0)
  }
}

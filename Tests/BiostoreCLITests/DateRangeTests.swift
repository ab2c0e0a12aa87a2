import Foundation
import Testing

/// End-to-end: every date from 1970-01-01T00:00:00Z to 9999-12-31 is recorded as given, with stock git's `%aI` as the oracle, and an earlier one is refused.
@Suite struct DateRangeTests {
  /// Dates past 2106-02-07, where 32 bits of unsigned seconds run out, and the last one accepted.
  static let farDates = [
    "2106-02-07T06:28:16+00:00", "2500-01-01T00:00:00+00:00", "9999-12-31T23:59:59-14:00",
  ]

  @Test(arguments: farDates)
  func aDatePast2106IsRecordedAsGiven(date: String) throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)

    let saved = try sandbox.biostore(
      "save", "bio", "--date", date, "--future", stdin: "Far ahead.\n")

    #expect(saved.status == 0, "\(saved.stderr)")
    #expect(saved.stdout.contains(date))
    #expect(try sandbox.git("log", "-1", "--format=%aI").stdout == date + "\n")
    #expect(try sandbox.git("fsck", "--strict").status == 0)
    let history = try sandbox.biostore("history", "bio", "--json").stdout
    #expect(history.contains("\"date\" : \"\(date)\""))
  }

  @Test func aFarYearAsADayIsMidnightInTheLocalOffset() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)

    let saved = try sandbox.biostore(
      "save", "bio", "--date", "9999-12-31", "--future", stdin: "Last day.\n")

    #expect(saved.status == 0, "\(saved.stderr)")
    // The sandbox's zone is America/Los_Angeles, standard time in December.
    #expect(try sandbox.git("log", "-1", "--format=%aI").stdout == "9999-12-31T00:00:00-08:00\n")
    #expect(try sandbox.biostore("show", "bio@9999-12-31").stdout == "Last day.\n")
  }

  @Test func aDateMoreThanADayAheadIsRefusedAsATypoUnlessFuture() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", "--date", "2024", stdin: "Now.\n").status == 0)
    let tomorrow = ISO8601DateFormatter().string(from: Date().addingTimeInterval(20 * 3600))

    let typo = try sandbox.biostore("save", "bio", "--date", "2099-01-01", stdin: "Typo.\n")
    let soon = try sandbox.biostore("save", "bio", "--date", tomorrow, stdin: "Soon.\n")
    let older = try sandbox.biostore("save", "bio", "--date", "2019-05-01", stdin: "Old.\n")
    let meant = try sandbox.biostore(
      "save", "bio", "--date", "2099-01-01", "--future", stdin: "Planned.\n")

    #expect(
      typo.status == 2 && typo.stderr.contains("in the future") && typo.stderr.contains("--future"))
    #expect(soon.status == 0, "\(soon.stderr)")
    #expect(older.status == 1 && older.stderr.contains("keep it as a variant of its own"))
    #expect(!older.stderr.contains("or later"))
    #expect(meant.status == 0)
    #expect(try sandbox.git("log", "--format=%s").stdout.split(separator: "\n").count == 3)
    #expect(try sandbox.biostore("show", "bio").stdout == "Planned.\n")
  }

  @Test func importGitKeepsASourceDatePast2106() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let source = sandbox.root.appendingPathComponent("source").path
    try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
    try sandbox.git(in: source, ["init", "-q", "-b", "main"])
    let dates = ["@1700000000 +0100", "@16725225600 +0000", "@253402300799 -1400"]
    for (number, date) in dates.enumerated() {
      try "Version \(number).\n".write(
        toFile: source + "/bio.md", atomically: true, encoding: .utf8)
      try sandbox.git(in: source, ["add", "bio.md"])
      try #require(
        try sandbox.git(
          in: source, ["commit", "-q", "-m", "v\(number)"],
          extraEnvironment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]
        ).status == 0)
    }
    let expected = try sandbox.git(in: source, ["log", "--format=%aI", "--", "bio.md"]).stdout

    let imported = try sandbox.biostore("import-git", source, "bio.md", "--variant", "bio")

    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try sandbox.git("log", "--format=%aI").stdout == expected)
    #expect(expected.contains("2500-01-01T00:00:00+00:00"))
    #expect(try sandbox.git("fsck", "--strict").status == 0)
  }

  @Test(arguments: ["1970-01-01T00:30:00+01:00", "1969-12-31T23:59:59Z", "1969"])
  func aDateBeforeTheEpochIsRefusedAsBadInput(date: String) throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)

    let saved = try sandbox.biostore("save", "bio", "--date", date, stdin: "Too early.\n")

    #expect(saved.status == 2)
    #expect(saved.stderr.contains("1970-01-01T00:00:00Z"))
    #expect(try sandbox.git("rev-list", "--all").stdout == "")
  }

  @Test func theYear1970EastOfUTCStartsBeforeTheEpochAndIsRefused() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)

    let saved = try sandbox.biostore(
      "save", "bio", "--date", "1970", stdin: "Too early.\n",
      extraEnvironment: ["TZ": "Europe/Berlin"])
    let west = try sandbox.biostore("save", "bio", "--date", "1970", stdin: "In time.\n")

    #expect(saved.status == 2)
    #expect(saved.stderr.contains("outside 1970-01-01T00:00:00Z to 9999-12-31"))
    #expect(saved.stderr.contains("nothing was recorded"))
    #expect(west.status == 0, "\(west.stderr)")
    #expect(try sandbox.git("log", "--format=%aI").stdout == "1970-01-01T00:00:00-08:00\n")
  }
}

import Foundation
import Testing

/// End-to-end: the messages a new user met say what is wrong and what to do, and `recall` matches words where they start.
@Suite struct PlainMessageTests {
  /// A store with a biosketch and a research statement, and engagements whose names and titles hold `sc` inside words and at their start.
  func store() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(
      try sandbox.biostore("save", "biosketch", "--date", "2020", stdin: "A bio.\n").status == 0)
    try #require(
      try sandbox.biostore("save", "other", "--date", "2020", stdin: "Other.\n").status == 0)
    for (name, title, date) in [
      ("sc24-tpc", "SC24 Technical Program Committee", "2024-11-17"),
      ("nersc-review", "NERSC review", "2023-05-01"), ("isc25", "ISC 2025 panel", "2025-06-10"),
      ("doe-panel", "DOE ASCR panel", "2024-02-01"),
    ] {
      try #require(
        try sandbox.biostore("tag", name, "biosketch", "--title", title, "--date", date).status == 0
      )
    }
    return sandbox
  }

  /// Each case: the arguments, the exit code, and what stderr must say.
  static let cases: [(arguments: [String], status: Int32, says: String)] = [
    (["save", "biosketch.md"], 2, "try 'biosketch'"),
    (["shwo", "biosketch"], 2, "unknown command 'shwo'; did you mean 'show'?"),
    (["history", "biosketch", "--limit", "-1"], 2, "--limit must be 1 or more"),
    (
      ["history", "biosketch", "--since", "2025", "--until", "2024"], 2,
      "--since 2025 is after --until 2024"
    ),
    (["engagements", "--since", "2025", "--until", "2024"], 2, "is after --until"),
    (["engagements", "--variant", "other"], 0, "no engagement was sent a version of other"),
    (["show", "biosketch@sc25-tpc"], 1, "did you mean engagement sc24-tpc?"),
    (
      ["show", "sc24-tpc"], 1,
      "sc24-tpc is an engagement, not a variant: `biostore recall sc24-tpc`"
    ),
    (["import", "nosuchdir"], 2, "there is no file or folder nosuchdir"),
    (["edit", "biosketch"], 1, "no editor is set and this is not a terminal"),
    (["save", "biosketch"], 0, "the piped input was empty"),
    (
      ["save", "biosketch", "--date", "2019", "--file", "old.md"], 1,
      "keep it as a variant of its own"
    ),
  ]

  @Test(arguments: 0..<cases.count)
  func theMessageSaysWhatIsWrongAndWhatToDo(case number: Int) throws {
    let (arguments, status, says) = PlainMessageTests.cases[number]
    let sandbox = try store()
    let tip = try sandbox.git("rev-parse", "HEAD").stdout
    _ = try sandbox.file("old.md", "An older bio.\n")

    let outcome = try sandbox.biostore(
      arguments.map { $0 == "old.md" ? sandbox.root.path + "/old.md" : $0 }, stdinBytes: [])

    #expect(outcome.status == status, "\(outcome.stderr)")
    #expect(outcome.stderr.contains(says), "\(outcome.stderr)")
    #expect(outcome.stderr.split(separator: "\n").count == 1)
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == tip)
  }

  @Test func aRecallWithNoMatchStillPrintsAJSONDocument() throws {
    let sandbox = try store()

    let recalled = try sandbox.biostore("recall", "zzz", "--json")

    #expect(recalled.status == 1)
    #expect(recalled.stdout == "[]\n")
  }

  @Test func aTagDateMayBeAMonthLikeEveryOtherDate() throws {
    let sandbox = try store()

    let tagged = try sandbox.biostore("tag", "talk", "biosketch", "--date", "2024-05")

    #expect(tagged.status == 0, "\(tagged.stderr)")
    #expect(
      try sandbox.git("tag", "-l", "--format=%(contents)", "engagements/talk").stdout.contains(
        "Date: 2024-05-01\n"))
  }

  @Test func recallMatchesWordStartsAndAYearMatchesTheDate() throws {
    let sandbox = try store()
    func names(_ query: String...) throws -> [String] {
      let outcome = try sandbox.biostore(
        ["recall"] + query + ["--json", "--brief"], stdinBytes: [])
      let list =
        try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]]
      return (list ?? []).compactMap { $0["name"] as? String }
    }

    #expect(try names("SC") == ["sc24-tpc"])
    #expect(try names("sc", "2024") == ["sc24-tpc"])
    #expect(try names("2024") == ["doe-panel", "sc24-tpc"])
    #expect(try names("panel") == ["doe-panel", "isc25"])
    #expect(try names("nersc") == ["nersc-review"])
  }
}

import Foundation
import Testing

/// End-to-end: `import-git` and `import FILE` on small repositories built with stock git in a temporary folder.
@Suite struct ImportGitTests {
  /// A page's revisions: its path, its text, the author date, and the subject.
  typealias Revision = (path: String, text: String, date: String, subject: String)

  static func page(bio: String?, rest: String) -> String {
    let section = bio.map { "### Biosketch\n\nHere is my bio:\n\n> \($0)\n\n" } ?? ""
    return
      "# About\n\n## Short version\n\n\(section)### Research statement\n\n> Storage.\n\n## Long version\n\n\(rest)\n"
  }

  let revisions: [Revision] = [
    (
      "about.md", page(bio: "Glenn works at NERSC.", rest: "Born in Hawaii."),
      "2015-09-11T22:58:50-07:00", "added about section"
    ),
    (
      "about.md",
      page(bio: "Glenn works at NERSC.", rest: "Born in Hawaii. Grew up in New Jersey."),
      "2016-01-26T13:52:52-08:00", "longer story"
    ),
    (
      "pages/about.md",
      page(bio: "Glenn works at NERSC.", rest: "Born in Hawaii. Grew up in New Jersey."),
      "2019-10-20T12:02:45-07:00", "move the page"
    ),
    (
      "pages/about.md",
      page(bio: "Glenn works at\n> Microsoft.", rest: "Born in Hawaii. Grew up in New Jersey."),
      "2022-06-02T20:54:47-07:00", "move to microsoft"
    ),
    (
      "pages/about.md", page(bio: nil, rest: "Born in Hawaii. Grew up in New Jersey."),
      "2023-01-01T10:00:00+01:00", "drop the bio for now"
    ),
    (
      "pages/about.md",
      page(
        bio: "Glenn is an engineer at Microsoft.", rest: "Born in Hawaii. Grew up in New Jersey."),
      "2024-04-08T13:12:18-07:00", "new job"
    ),
  ]

  /// A source repository holding `revisions`, one commit each, renames made with `git mv`.
  func sourceRepository(in sandbox: Sandbox, revisions: [Revision]) throws -> String {
    let source = sandbox.root.appendingPathComponent("website").path
    try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
    try #require(try sandbox.git(in: source, ["init", "-q", "-b", "main"]).status == 0)
    var current: String?
    for revision in revisions {
      try add(revision, to: source, replacing: current, in: sandbox)
      current = revision.path
    }
    return source
  }

  func add(_ revision: Revision, to source: String, replacing current: String?, in sandbox: Sandbox)
    throws
  {
    if let current, current != revision.path {
      try FileManager.default.createDirectory(
        atPath: source + "/" + (revision.path as NSString).deletingLastPathComponent,
        withIntermediateDirectories: true)
      try #require(try sandbox.git(in: source, ["mv", current, revision.path]).status == 0)
    }
    try revision.text.write(toFile: source + "/" + revision.path, atomically: true, encoding: .utf8)
    try #require(try sandbox.git(in: source, ["add", "-A"]).status == 0)
    let dates = ["GIT_AUTHOR_DATE": revision.date, "GIT_COMMITTER_DATE": revision.date]
    try #require(
      try sandbox.git(
        in: source, ["commit", "-q", "--allow-empty", "-m", revision.subject],
        extraEnvironment: dates
      ).status == 0)
  }

  func historyJSON(_ sandbox: Sandbox, _ variant: String) throws -> [[String: Any]] {
    let history = try sandbox.biostore("history", variant, "--json")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
  }

  @Test func theWholeFileGivesOneVersionPerChangeWithItsDateAndSubjectAcrossARename() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let source = try sourceRepository(in: sandbox, revisions: revisions)

    let imported = try sandbox.biostore(
      "import-git", source, "pages/about.md", "--variant", "about")
    let history = try historyJSON(sandbox, "about")
    let log = try sandbox.git(in: source, ["log", "--format=%aI|%s"]).stdout.split(separator: "\n")

    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.hasPrefix("Imported 5 versions of about, 2015-09-11 to 2024-04-08"))
    let moved = log.filter { !$0.hasSuffix("|move the page") }
    #expect(history.map { "\($0["date"] ?? "")|\($0["message"] ?? "")" } == moved.map(String.init))
    #expect(try sandbox.biostore("show", "about").stdout == revisions[5].text)
    #expect(try sandbox.git("fsck", "--strict").status == 0)
    #expect(try sandbox.git("status", "--porcelain").stdout.isEmpty)
    #expect(try sandbox.git("log", "-1", "--format=%B").stdout.contains("Imported-From: "))
  }

  @Test func aQuotedSectionGivesItsDistinctVersionsAndSkipsRevisionsWithoutIt() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let source = try sourceRepository(in: sandbox, revisions: revisions)

    let imported = try sandbox.biostore(
      "import-git", source, "pages/about.md", "--variant", "biosketch", "--section", "biosketch",
      "--quote")
    let history = try historyJSON(sandbox, "biosketch")

    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(
      history.map { $0["date"] as? String }
        == ["2024-04-08T13:12:18-07:00", "2022-06-02T20:54:47-07:00", "2015-09-11T22:58:50-07:00"])
    #expect(try sandbox.biostore("show", "biosketch~1").stdout == "Glenn works at\nMicrosoft.\n")
    #expect(
      try sandbox.biostore("show", "biosketch").stdout == "Glenn is an engineer at Microsoft.\n")
  }

  @Test func runningAnImportAgainAddsOnlyWhatIsNew() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let source = try sourceRepository(in: sandbox, revisions: revisions)
    let arguments = [
      "import-git", source, "pages/about.md", "--variant", "biosketch", "--section", "Biosketch",
      "--quote",
    ]
    try #require(try sandbox.biostore(arguments, stdinBytes: []).status == 0)
    let head = try sandbox.git("rev-parse", "HEAD").stdout

    let again = try sandbox.biostore(arguments, stdinBytes: [])
    let unchanged = try sandbox.git("rev-parse", "HEAD").stdout
    try add(
      (
        "pages/about.md", Self.page(bio: "Glenn is a strategist.", rest: "Born in Hawaii."),
        "2025-07-12T12:05:35-07:00", "new company"
      ),
      to: source, replacing: "pages/about.md", in: sandbox)
    let later = try sandbox.biostore(arguments, stdinBytes: [])

    #expect(again.stdout.hasPrefix("Imported 0 versions of biosketch"))
    #expect(again.stdout.contains("3 already imported"))
    #expect(unchanged == head)
    #expect(later.stdout.hasPrefix("Imported 1 version of biosketch, 2025-07-12"))
    #expect(try historyJSON(sandbox, "biosketch").count == 4)
  }

  @Test func aLongHistoryIsWrittenAsOnePackfileThatGitChecksClean() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "other", stdin: "Another variant.\n").status == 0)
    let many: [Revision] = (1...40).map { number in
      (
        "about.md", Self.page(bio: "Glenn, version \(number).", rest: "Born in Hawaii."),
        "2020-01-01T10:\(String(format: "%02d", number)):00Z",
        "revision \(number)"
      )
    }
    let source = try sourceRepository(in: sandbox, revisions: many)
    let loose = try sandbox.git("count-objects").stdout

    let imported = try sandbox.biostore(
      "import-git", source, "about.md", "--variant", "biosketch", "--section", "Biosketch",
      "--quote")

    #expect(imported.status == 0, "\(imported.stderr)")
    // Three objects a version, none of them loose, and nothing the store had before copied in.
    #expect(try sandbox.git("count-objects").stdout == loose)
    let counts = try sandbox.git("count-objects", "-v").stdout
    #expect(counts.contains("in-pack: 120\n"), "\(counts)")
    #expect(counts.contains("packs: 1\n"))
    #expect(try sandbox.git("fsck", "--strict", "--no-dangling").stdout.isEmpty)
    #expect(
      try sandbox.git("log", "--format=%s", "-1", "--skip=39", "--", "biosketch.md").stdout
        == "revision 1\n")
    #expect(try sandbox.git("show", "HEAD:other.md").stdout == "Another variant.\n")
    #expect(try historyJSON(sandbox, "biosketch").count == 40)
  }

  @Test func oneFileImportsItsSectionAsAVersion() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let file = try sandbox.file("about.md", revisions[3].text)

    let imported = try sandbox.biostore(
      "import", file, "--variant", "biosketch", "--section", "Biosketch", "--quote", "--date",
      "2022-06-02", "-m", "From the page")

    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try sandbox.biostore("show", "biosketch").stdout == "Glenn works at\nMicrosoft.\n")
    #expect(try sandbox.git("log", "-1", "--format=%s").stdout == "From the page\n")
  }

  @Test(arguments: [
    (
      ["import-git", "{root}/no-such-repo", "about.md", "--variant", "bio"], 1,
      "cannot read the git repository"
    ),
    (["import-git", "{source}", "never/there.md", "--variant", "bio"], 1, "never existed"),
    (
      ["import-git", "{source}", "pages/about.md", "--variant", "bio", "--section", "Awards"], 1,
      "no heading 'Awards'"
    ),
    (["import-git", "{source}", "pages/about.md", "--variant", "Bio"], 2, "invalid name"),
    (["import", "{root}/missing.md", "--variant", "bio"], 2, "there is no file or folder"),
    (
      ["import", "{source}/pages/about.md", "--variant", "bio", "--section", "Awards"], 1,
      "no heading 'Awards'"
    ),
  ])
  func badImportsAreRefusedCleanlyAndWriteNothing(_ example: ([String], Int, String)) throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let source = try sourceRepository(in: sandbox, revisions: revisions)
    let arguments = example.0.map {
      $0.replacingOccurrences(of: "{root}", with: sandbox.root.path)
        .replacingOccurrences(of: "{source}", with: source)
    }

    let outcome = try sandbox.biostore(arguments, stdinBytes: [])

    #expect(outcome.status == Int32(example.1))
    #expect(outcome.stderr.hasPrefix("biostore: error: "))
    #expect(outcome.stderr.contains(example.2), "\(outcome.stderr)")
    #expect(try sandbox.git("rev-parse", "--verify", "-q", "HEAD").stdout.isEmpty)
  }
}

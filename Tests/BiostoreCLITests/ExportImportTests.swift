import Foundation
import Testing

/// End-to-end: `export` then `import` gives the same histories and engagements; malformed folders are refused whole.
@Suite struct ExportImportTests {
  /// A store with two variants, two versions in the same second, different offsets, a multi-line message, and an engagement sent two variants.
  func richStore() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    for (variant, date, message, text) in [
      (
        "biosketch", "2019-12-02T09:00:00-08:00", "At NERSC\n\nReconstructed.",
        "Glenn leads storage.\n"
      ),
      ("research-statement", "2023-05-01", "For SC", "Storage research.\n"),
      ("biosketch", "2024-04-08T13:12:18-07:00", "Engineer", "Glenn is an engineer.\n"),
      (
        "biosketch", "2024-04-08T13:12:18-07:00", "Same second",
        "Glenn is an engineer at Microsoft.\n"
      ),
      ("research-statement", "2025-02-01T10:00:00+01:00", "Update", "AI research.\n"),
    ] {
      try #require(
        try sandbox.biostore("save", variant, "--date", date, "-m", message, stdin: text).status
          == 0)
    }
    try #require(
      try sandbox.biostore(
        "tag", "isc25-panel", "biosketch", "research-statement", "--title", "ISC 2025 panel",
        "--venue", "Hamburg", "--date", "2025-06-10", "--limit", "150", "--note",
        "An example.\nTwo lines."
      ).status == 0)
    return sandbox
  }

  @Test func exportThenImportGivesTheSameHistoriesAndEngagements() throws {
    let original = try richStore()
    let folder = original.root.appendingPathComponent("export").path
    let copy = try Sandbox()
    try #require(try copy.biostore("init").status == 0)

    let exported = try original.biostore("export", folder)
    let imported = try copy.biostore("import", folder)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/biosketch").sorted()

    #expect(exported.stdout.hasPrefix("Exported 5 versions of 2 variants and 1 engagement"))
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(
      files == [
        "2019-12-02T09-00-00-08-00.md", "2024-04-08T13-12-18-07-00.md",
        "2024-04-08T13-12-18-07-00_2.md",
      ])
    for variant in ["biosketch", "research-statement"] {
      let before = try original.biostore("history", variant, "--json")
      let after = try copy.biostore("history", variant, "--json")
      #expect(withoutIDs(after) == withoutIDs(before))
      #expect(
        try copy.biostore("show", variant).stdout == original.biostore("show", variant).stdout)
    }
    #expect(
      withoutIDs(try copy.biostore("engagements", "--json"))
        == withoutIDs(try original.biostore("engagements", "--json")))
    #expect(try copy.git("fsck", "--strict").status == 0)
    #expect(try copy.git("status", "--porcelain").stdout.isEmpty)
    #expect(try copy.git("log", "--format=%aI", "-1").stdout == "2025-02-01T10:00:00+01:00\n")
  }

  @Test func theSampleStoreImportsAndAnswersTheDemosQuestions() throws {
    let sample = Sandbox.sampleStore
    let statement = try String(
      contentsOfFile: sample + "/research-statement/2024-04-22T10-00-00-07-00.md", encoding: .utf8)
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)

    let imported = try sandbox.biostore("import", sample)
    let history = try sandbox.biostore("history", "biosketch")
    let roleChange = try sandbox.biostore("diff", "biosketch@2023-12-31", "biosketch@2024-04-30")
    let recall = try sandbox.biostore("recall", "SC")
    let engagements = try sandbox.biostore("diff", "hpc-storage-talk-2022", "ai-infra-summit-2025")

    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(history.stdout.split(separator: "\n").count == 4)
    #expect(roleChange.stdout.contains("{+Engineer+}"))
    #expect(recall.stdout.hasPrefix("2024-04-22  sc24-tpc"))
    #expect(recall.stdout.hasSuffix(statement.components(separatedBy: "---\n").last ?? "?"))
    #expect(engagements.stdout.contains("research-statement is only in ai-infra-summit-2025"))
  }

  @Test func appendAddsOnlyVersionsNewerThanTheStores() throws {
    let original = try richStore()
    let first = original.root.appendingPathComponent("first").path
    let second = original.root.appendingPathComponent("second").path
    let copy = try Sandbox()
    try #require(try copy.biostore("init").status == 0)
    try #require(try original.biostore("export", first).status == 0)
    try #require(try copy.biostore("import", first).status == 0)
    try #require(
      try original.biostore("save", "biosketch", "--date", "2026-01-01", stdin: "Newest.\n").status
        == 0)
    try #require(try original.biostore("export", second).status == 0)

    let refused = try copy.biostore("import", second)
    let appended = try copy.biostore("import", second, "--append")

    #expect(refused.status == 1)
    #expect(refused.stderr.contains("the store already has variant biosketch"))
    #expect(appended.stdout.hasPrefix("Imported 1 version of 1 variant and 0 engagements"))
    #expect(try copy.biostore("history", "biosketch").stdout.split(separator: "\n").count == 4)
  }

  @Test func exportRefusesAFolderThatIsNotEmpty() throws {
    let sandbox = try richStore()
    let folder = try sandbox.file("taken", "something")

    let outcome = try sandbox.biostore("export", folder)

    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("already exists"))
    #expect(try String(contentsOfFile: folder, encoding: .utf8) == "something")
  }

  @Test(arguments: [
    ("biosketch/2024-04-08T13-12-18-07-00.md", "Just text, no front matter.\n", "front matter"),
    (
      "biosketch/2024-04-08T13-12-18-07-00.md", "---\ndate: 2024-02-30T00:00:00Z\n---\nText.\n",
      "RFC 3339"
    ),
    (
      "biosketch/2024-04-08T13-12-18-07-00.md", "---\nmessage: no date\n---\nText.\n",
      "needs a date"
    ),
    (
      "biosketch/2024-04-08T13-12-19-07-00.md",
      "---\ndate: 2024-04-08T13:12:18-07:00\n---\nSame timestamp as the other file.\n",
      "two files may not share a timestamp"
    ),
    (
      "biosketch/notes.md", "---\ndate: 2024-04-08T13:12:18-07:00\n---\nText.\n",
      "named by their date"
    ),
    (
      "engagements.yaml",
      "- name: talk\n  date: 2024-05-01\n  variants:\n    research-statement: 2024-01-01T00-00-00+00-00.md\n",
      "not in the folder"
    ),
    (
      "Bad_Variant/2024-04-08T13-12-18-07-00.md", "---\ndate: 2024-04-08T13:12:18-07:00\n---\nT\n",
      "variant name"
    ),
    (
      "biosketch/2024-04-09T13-12-18-07-00.md",
      "---\ndate: 2024-04-09T13:12:18-07:00\nmessage: {a: 1}\n---\nText.\n",
      "its message must be text"
    ),
    (
      "biosketch/2024-04-09T13-12-18-07-00.md",
      "---\ndate: 2024-04-09T13:12:18-07:00\nmessage: \"a\\0b\"\n---\nText.\n",
      "holds a NUL character"
    ),
    (
      "engagements.yaml",
      "- name: talk\n  date: 2024-05-01\n  note: \"x\\0y\"\n  variants:\n    biosketch: 2024-04-08T13-12-18-07-00.md\n",
      "holds a NUL character"
    ),
    (
      "engagements.yaml",
      "- name: talk\n  date: 2024-05-01\n  title: [a, b]\n  variants:\n    biosketch: 2024-04-08T13-12-18-07-00.md\n",
      "engagement talk's title must be text"
    ),
    (
      "biosketch/2024-04-09T13-12-18-07-00.md",
      "---\ndate: 2024-04-09T13:12:18-07:00\nmesage: My note\n---\nText.\n",
      "unknown key 'mesage' (known: date, message)"
    ),
    (
      "engagements.yaml",
      "- name: talk\n  date: 2024-05-01\n  notes: mine\n  variants:\n    biosketch: 2024-04-08T13-12-18-07-00.md\n",
      "engagement talk has an unknown key 'notes'"
    ),
    (
      "engagements.yaml",
      "- name: talk\n  date: 2024-05-01\n  limit: [5]\n  variants:\n    biosketch: 2024-04-08T13-12-18-07-00.md\n",
      "engagement talk has a limit that is none of"
    ),
  ])
  func malformedFoldersAreRefusedNamingTheFileAndNothingIsWritten(
    _ example: (String, String, String)
  ) throws {
    let (relativePath, contents, reason) = example
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let folder = sandbox.root.appendingPathComponent("import")
    let good = folder.appendingPathComponent("biosketch/2024-04-08T13-12-18-07-00.md")
    try FileManager.default.createDirectory(
      at: good.deletingLastPathComponent(), withIntermediateDirectories: true)
    try "---\ndate: 2024-04-08T13:12:18-07:00\nmessage: Good\n---\nA good version.\n".write(
      to: good, atomically: true, encoding: .utf8)
    let bad = folder.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: bad.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: bad, atomically: true, encoding: .utf8)

    let outcome = try sandbox.biostore("import", folder.path)

    #expect(outcome.status == 2)
    #expect(outcome.stderr.hasPrefix("biostore: error: cannot import \(folder.path)/"))
    #expect(outcome.stderr.contains(reason), "\(outcome.stderr)")
    #expect(outcome.stderr.split(separator: "\n").count == 1)
    #expect(try sandbox.git("rev-parse", "--verify", "-q", "HEAD").stdout.isEmpty)
    #expect(try sandbox.git("tag", "-l").stdout.isEmpty)
  }
}

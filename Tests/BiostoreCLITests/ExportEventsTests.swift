import Foundation
import Testing

/// End-to-end: renames and removals survive `export` then `import` (through `events.yaml`), so every name's history and `list --all` read the same afterwards, with stock git's per-file logs as the oracle.
@Suite struct ExportEventsTests {
  /// Every variant name the store below has or had.
  let names = ["short", "speaker", "old-talk", "statement"]

  /// A store where `short` is renamed `speaker` and saved again, `old-talk` is removed and saved again (the three in the same second or two), and an engagement pins `speaker`.
  func storeWithRenamesAndRemovals() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    for (arguments, text) in [
      (["save", "short", "--date", "2019-03-01", "-m", "First"], "Glenn writes code.\n"),
      (["save", "short", "--date", "2021-06-01"], "Glenn writes storage code.\n"),
      (["save", "old-talk", "--date", "2022-01-01"], "A talk bio.\n"),
      (["save", "statement", "--date", "2023-01-01"], "Storage research.\n"),
      (["mv", "short", "speaker"], nil),
      (["save", "speaker", "-m", "After the move"], "Glenn builds storage.\n"),
      (["rm", "old-talk", "-m", "Retired"], nil),
      (["save", "old-talk"], "A new talk bio.\n"),
      (["tag", "sc26", "speaker", "statement", "--title", "SC26"], nil),
    ] as [([String], String?)] {
      let outcome = try sandbox.biostore(arguments, stdinBytes: Array((text ?? "").utf8))
      try #require(outcome.status == 0, "\(arguments): \(outcome.stderr)")
    }
    return sandbox
  }

  /// What a person reads of a store: each name's history as text and JSON (ids left out), `list --all`, the engagements, and each file's own git log.
  func reading(_ sandbox: Sandbox) throws -> [String] {
    var lines: [String] = []
    for name in names {
      lines.append(try sandbox.biostore("history", name).stdout.replacing(shortID, with: "  "))
      lines.append(withoutIDs(try sandbox.biostore("history", name, "--json")))
      lines.append(
        try sandbox.git("log", "--format=%aI %s", "--name-status", "--", name + ".md").stdout)
    }
    lines.append(try sandbox.biostore("list", "--all").stdout)
    lines.append(withoutIDs(try sandbox.biostore("engagements", "--json")))
    lines.append(try sandbox.biostore("show", "speaker@sc26").stdout)
    return lines
  }

  /// A commit id between the columns of `history`, which changes with the committer date.
  let shortID = #/  [0-9a-f]{7,40}  /#

  @Test func aRoundTripKeepsRenamesAndRemovals() throws {
    let original = try storeWithRenamesAndRemovals()
    let folder = original.root.appendingPathComponent("export").path
    let copy = try Sandbox()
    try #require(try copy.biostore("init").status == 0)

    let exported = try original.biostore("export", folder)
    let imported = try copy.biostore("import", folder)
    let events = try String(contentsOfFile: folder + "/events.yaml", encoding: .utf8)

    #expect(exported.stdout.hasPrefix("Exported 6 versions of 4 variants, 1 rename, 1 removal"))
    #expect(imported.stdout.hasPrefix("Imported 6 versions of 4 variants, 1 rename, 1 removal"))
    #expect(events.contains("- renamed: short\n  to: speaker\n"))
    #expect(events.contains("- removed: old-talk\n"))
    #expect(events.contains("message: Retired\n"))
    // The new name's folder holds only what was saved under it: the rename is not a version.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder + "/speaker").count == 1)
    let expected = try reading(original)
    #expect(try reading(copy) == expected)
    // The index is only a cache: built again from the commits, it reads the same.
    try FileManager.default.removeItem(atPath: copy.store + "/.git/biostore/index")
    #expect(try reading(copy) == expected)
    #expect(try copy.git("fsck", "--strict").status == 0)
    #expect(try copy.git("status", "--porcelain").stdout.isEmpty)
  }

  @Test func appendAfterARemovalAddsEachVersionOnce() throws {
    let original = try storeWithRenamesAndRemovals()
    let folder = original.root.appendingPathComponent("export").path
    try #require(try original.biostore("export", folder).status == 0)
    let copy = try Sandbox()
    try #require(try copy.biostore("init").status == 0)
    try #require(try copy.biostore("import", folder).status == 0)

    let again = try copy.biostore("import", folder, "--append")

    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.hasPrefix("Imported 0 versions of 0 variants and 0 engagements"))
    #expect(try reading(copy) == reading(original))
  }

  @Test func appendBringsInALaterRenameAndRemoval() throws {
    let original = try Sandbox()
    try #require(try original.biostore("init").status == 0)
    try #require(
      try original.biostore("save", "short", "--date", "2019", stdin: "Glenn writes code.\n")
        .status == 0)
    let first = original.root.appendingPathComponent("first").path
    let second = original.root.appendingPathComponent("second").path
    try #require(try original.biostore("export", first).status == 0)
    try #require(try original.biostore("mv", "short", "speaker").status == 0)
    try #require(try original.biostore("rm", "speaker").status == 0)
    try #require(try original.biostore("save", "speaker", stdin: "Back again.\n").status == 0)
    try #require(try original.biostore("export", second).status == 0)
    let copy = try Sandbox()
    try #require(try copy.biostore("init").status == 0)
    try #require(try copy.biostore("import", first).status == 0)

    let appended = try copy.biostore("import", second, "--append")

    #expect(appended.status == 0, "\(appended.stderr)")
    #expect(
      appended.stdout.hasPrefix("Imported 1 version of 1 variant, 1 rename, 1 removal"))
    for name in ["short", "speaker"] {
      #expect(
        try copy.biostore("history", name).stdout.replacing(shortID, with: "  ")
          == original.biostore("history", name).stdout.replacing(shortID, with: "  "))
    }
    #expect(try copy.biostore("list", "--all").stdout == original.biostore("list", "--all").stdout)
  }

  @Test(arguments: [
    ("- removed: nobody\n  date: 2026-01-01T00:00:00Z\n", "removes nobody, which has no text"),
    (
      "- renamed: bio\n  to: bio2\n  date: 2026-01-01T00:00:00Z\n  after: bio/missing.md\n",
      "must name version files"
    ),
    ("- renamed: bio\n  date: 2026-01-01T00:00:00Z\n", "needs `to: NEW`"),
    ("- removed: bio\n  date: yesterday\n", "needs a date in RFC 3339"),
    ("- removed: bio\n  date: 2026-01-01T00:00:00Z\n  wen: now\n", "wen"),
  ])
  func aBrokenEventsFileIsRefusedWhole(events: String, reason: String) throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let folder = sandbox.root.appendingPathComponent("hand-made").path
    try FileManager.default.createDirectory(
      atPath: folder + "/bio", withIntermediateDirectories: true)
    try "---\ndate: 2025-01-01T00:00:00Z\n---\nA bio.\n".write(
      toFile: folder + "/bio/2025-01-01T00-00-00+00-00.md", atomically: true, encoding: .utf8)
    try events.write(toFile: folder + "/events.yaml", atomically: true, encoding: .utf8)

    let refused = try sandbox.biostore("import", folder)

    #expect(refused.status != 0)
    #expect(refused.stderr.contains(reason), "\(refused.stderr)")
    #expect(refused.stderr.contains("events.yaml"))
    #expect(try sandbox.git("rev-list", "--all").stdout.isEmpty)
  }
}

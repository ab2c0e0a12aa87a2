import Foundation
import Testing

/// End-to-end: whatever a path, a name or a file holds, an error is one `biostore: error:` line, and a huge or endless input is refused from its size without being read.
@Suite struct OneLineMessageTests {
  func expectOneErrorLine(_ outcome: Outcome, status: Int32, containing parts: [String]) {
    #expect(outcome.status == status, "\(outcome.stderr)")
    #expect(outcome.stderr.hasPrefix("biostore: error: "))
    #expect(outcome.stderr.hasSuffix("\n"))
    #expect(outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).count == 2)
    #expect(!outcome.stderr.contains("\u{1b}"))
    for part in parts { #expect(outcome.stderr.contains(part), "\(outcome.stderr)") }
  }

  @Test func aStorePathWithANewlineAndAnEscapeStaysOnOneLine() throws {
    let sandbox = try Sandbox()
    let odd = sandbox.root.appendingPathComponent("my\nstore\u{1b}[31m").path

    let missing = try sandbox.biostore("--store", odd, "list")
    let created = try sandbox.biostore("--store", odd, "init")
    try FileManager.default.createSymbolicLink(
      atPath: odd + "/bio.md", withDestinationPath: "/etc/passwd")
    let linked = try sandbox.biostore("--store", odd, "save", "bio")

    expectOneErrorLine(missing, status: 1, containing: [#"my\nstore\u{1b}[31m"#])
    #expect(created.status == 0)
    #expect(created.stdout.split(separator: "\n").count == 1)
    expectOneErrorLine(linked, status: 1, containing: ["symbolic link", #"my\nstore"#])
  }

  @Test func malformedFrontMatterIsOneLineNamingTheFileAndLine() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let folder = sandbox.root.appendingPathComponent("export/bio").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let file = folder + "/2024-04-08T13-12-18-07-00.md"
    try "---\ndate: 2024-04-08T13:12:18-07:00\nmessage: [unclosed\n---\nHello.\n"
      .write(toFile: file, atomically: true, encoding: .utf8)

    let imported = try sandbox.biostore(
      "import", sandbox.root.appendingPathComponent("export").path)

    expectOneErrorLine(imported, status: 2, containing: [file, "line 4:", "nothing was imported"])
    #expect(try sandbox.git("rev-list", "--all").stdout == "")
  }

  @Test func malformedEngagementsFileIsOneLineNamingTheFileAndLine() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let export = sandbox.root.appendingPathComponent("export").path
    try FileManager.default.createDirectory(
      atPath: export + "/bio", withIntermediateDirectories: true)
    try "---\ndate: 2024-04-08T13:12:18-07:00\nmessage: x\n---\nHello.\n"
      .write(
        toFile: export + "/bio/2024-04-08T13-12-18-07-00.md", atomically: true, encoding: .utf8)
    try "- name: sc25\n  date: 2025-11-16\n- name: isc25\n  date: [\n"
      .write(toFile: export + "/engagements.yaml", atomically: true, encoding: .utf8)

    let imported = try sandbox.biostore("import", export)

    expectOneErrorLine(imported, status: 2, containing: ["engagements.yaml", "line 5:"])
    #expect(try sandbox.git("rev-list", "--all").stdout == "")
  }

  @Test func aLinkInAnImportedFolderIsRefusedNotFollowed() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let export = sandbox.root.appendingPathComponent("export").path
    try FileManager.default.createDirectory(
      atPath: export + "/bio", withIntermediateDirectories: true)
    let secret = try sandbox.file("secret", "---\ndate: 2024-04-08T13:12:18-07:00\n---\nKey.\n")
    try FileManager.default.createSymbolicLink(
      atPath: export + "/bio/2024-04-08T13-12-18-07-00.md", withDestinationPath: secret)

    let imported = try sandbox.biostore("import", export)

    expectOneErrorLine(imported, status: 2, containing: ["symbolic link"])
    #expect(try sandbox.git("rev-list", "--all").stdout == "")
  }

  @Test func aFiveGigabyteFileIsRefusedFromItsSize() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let huge = sandbox.root.appendingPathComponent("huge.md").path
    // Sparse: it takes no disk, and reading it all would take 5 GiB of memory.
    #expect(FileManager.default.createFile(atPath: huge, contents: nil))
    #expect(truncate(huge, 5 << 30) == 0)

    let saved = try sandbox.biostore("save", "bio", "--file", huge)
    let imported = try sandbox.biostore("import", huge, "--variant", "bio")

    for outcome in [saved, imported] {
      expectOneErrorLine(outcome, status: 2, containing: ["5368709120 bytes", "over the limit"])
    }
    #expect(try sandbox.git("rev-list", "--all").stdout == "")
  }

  @Test func anEndlessDeviceIsReadOnlyToTheLimit() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)

    let saved = try sandbox.biostore("save", "bio", "--file", "/dev/zero")

    expectOneErrorLine(saved, status: 2, containing: ["/dev/zero", "over the limit"])
    #expect(try sandbox.git("rev-list", "--all").stdout == "")
  }

  @Test func aTitleOrVenueWithTerminalEscapesIsRecordedWithoutThem() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "Hello.\n").status == 0)

    let tagged = try sandbox.biostore(
      "tag", "sc25", "bio", "--date", "2025-11-16", "--title", "SC\nDate: 2001-01-01",
      "--venue", "St. Louis\u{1b}[2J")

    #expect(tagged.status == 0, "\(tagged.stderr)")
    let message = try sandbox.git("cat-file", "-p", "engagements/sc25").stdout
    #expect(!message.contains("\u{1b}"))
    #expect(message.contains("\nDate: 2025-11-16\n"))
    #expect(!message.contains("\nDate: 2001-01-01"))
    #expect(try !sandbox.biostore("engagements").stdout.contains("\u{1b}"))
  }
}

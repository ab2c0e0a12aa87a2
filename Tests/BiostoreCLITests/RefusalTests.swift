import Foundation
import Testing

/// End-to-end: every refusal is one `biostore: error:` line, the right exit code, and leaves the store as it was.
@Suite struct RefusalTests {
  /// A store with one 2024 biosketch.
  func storeWithOneVersion() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(
      try sandbox.biostore("save", "biosketch", "--date", "2024-04-08", stdin: "Current bio.\n")
        .status == 0)
    return sandbox
  }

  func expectOneErrorLine(_ outcome: Outcome, status: Int32, mentioning words: String? = nil) {
    #expect(outcome.status == status)
    #expect(outcome.stderr.hasPrefix("biostore: error: "))
    #expect(outcome.stderr.split(separator: "\n").count == 1)
    if let words { #expect(outcome.stderr.contains(words)) }
  }

  @Test(arguments: [
    "../x", ".git", "a/b", "", String(repeating: "b", count: 65), "bio\u{1}sketch", "Biosketch",
    "-rf",
  ])
  func badVariantNamesNeverTouchDisk(_ name: String) throws {
    let sandbox = try storeWithOneVersion()
    let head = try sandbox.git("rev-parse", "HEAD").stdout
    let before = try FileManager.default.contentsOfDirectory(atPath: sandbox.store).sorted()

    let saved = try sandbox.biostore(["save", name], stdinBytes: Array("text\n".utf8))
    let shown = try sandbox.biostore("show", name)

    expectOneErrorLine(saved, status: 2)
    expectOneErrorLine(shown, status: 2)
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
    #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.store).sorted() == before)
    #expect(
      !FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("x.md").path))
  }

  @Test func refusedSavesLeaveHeadWhereItWas() throws {
    let sandbox = try storeWithOneVersion()
    let head = try sandbox.git("rev-parse", "HEAD").stdout
    let directory = sandbox.root.path

    expectOneErrorLine(
      try sandbox.biostore("save", "biosketch", "--date", "2020", stdin: "Older.\n"), status: 1,
      mentioning: "older than")
    expectOneErrorLine(
      try sandbox.biostore("save", "biosketch", stdin: "  \n\t\n"), status: 2, mentioning: "empty")
    expectOneErrorLine(
      try sandbox.biostore(["save", "biosketch"], stdinBytes: [0x41, 0x00, 0x42]), status: 2,
      mentioning: "binary")
    expectOneErrorLine(
      try sandbox.biostore(["save", "biosketch"], stdinBytes: [0x41, 0xff, 0x42]), status: 2,
      mentioning: "UTF-8")
    expectOneErrorLine(
      try sandbox.biostore("save", "biosketch", "--file", directory), status: 2,
      mentioning: "directory")
    expectOneErrorLine(
      try sandbox.biostore("save", "biosketch", "--file", directory + "/missing.md"), status: 2)
    expectOneErrorLine(
      try sandbox.biostore("save", "biosketch", "--date", "2024-02-30", stdin: "x\n"), status: 2,
      mentioning: "invalid date")
    expectOneErrorLine(
      try sandbox.biostore("save", "new-one"), status: 2, mentioning: "no text to save")
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
  }

  @Test func aHandEditIsNotOverwrittenButCanBeSaved() throws {
    let sandbox = try storeWithOneVersion()
    let head = try sandbox.git("rev-parse", "HEAD").stdout
    try "My hand edit.\n".write(
      toFile: sandbox.store + "/biosketch.md", atomically: true, encoding: .utf8)

    let refused = try sandbox.biostore("save", "biosketch", stdin: "Piped text.\n")
    let headAfterRefusal = try sandbox.git("rev-parse", "HEAD").stdout
    let recorded = try sandbox.biostore("save", "biosketch", "-m", "Hand edit")

    expectOneErrorLine(refused, status: 1, mentioning: "hand edits")
    #expect(headAfterRefusal == head)
    #expect(recorded.status == 0)
    #expect(try sandbox.git("show", "HEAD:biosketch.md").stdout == "My hand edit.\n")
    #expect(try sandbox.git("log", "-1", "--format=%s").stdout == "Hand edit\n")
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
  }

  @Test func aMissingStoreIsNotCreatedByAnyCommandButInit() throws {
    let sandbox = try Sandbox()

    for arguments in [["list"], ["history", "biosketch"], ["show", "biosketch"]] {
      let outcome = try sandbox.run(arguments)
      expectOneErrorLine(outcome, status: 1, mentioning: "biostore init")
    }
    let saved = try sandbox.biostore("save", "biosketch", stdin: "text\n")

    expectOneErrorLine(saved, status: 1, mentioning: "biostore init")
    #expect(!FileManager.default.fileExists(atPath: sandbox.store))
  }

  @Test func aStorePathThatIsAFileOrNoRepositoryIsRefused() throws {
    let sandbox = try Sandbox()
    let file = try sandbox.file("plain.txt", "not a store\n")

    let onFile = try sandbox.biostore("--store", file, "list")
    let onFolder = try sandbox.biostore("--store", sandbox.root.path, "list")

    expectOneErrorLine(onFile, status: 1, mentioning: "not a biostore store")
    expectOneErrorLine(onFolder, status: 1, mentioning: "not a biostore store")
  }

  @Test func unknownVariantsDatesAndStepsAreNotFound() throws {
    let sandbox = try storeWithOneVersion()

    expectOneErrorLine(try sandbox.biostore("show", "research"), status: 1, mentioning: "biosketch")
    expectOneErrorLine(
      try sandbox.biostore("show", "biosketch@2019"), status: 1, mentioning: "2024-04-08")
    expectOneErrorLine(try sandbox.biostore("show", "biosketch~1"), status: 1)
    expectOneErrorLine(try sandbox.biostore("history", "research"), status: 1)
  }

  @Test(arguments: [
    ["--bogus"], ["save"], ["show"], ["history", "biosketch", "--limit", "0"],
    ["history", "biosketch", "--limit", "x"], ["frobnicate"], ["show", "a", "b"],
  ])
  func argumentErrorsAreOneLineAndExitTwo(_ arguments: [String]) throws {
    let sandbox = try storeWithOneVersion()

    let outcome = try sandbox.run(arguments)

    expectOneErrorLine(outcome, status: 2)
  }

  @Test func helpAndVersionSucceed() throws {
    let sandbox = try Sandbox()

    #expect(try sandbox.run(["--help"]).status == 0)
    #expect(try sandbox.run(["save", "--help"]).stdout.contains("--file"))
    #expect(try sandbox.run(["--version"]).status == 0)
  }
}

extension Sandbox {
  /// Runs `biostore` with an argument array and no input.
  func run(_ arguments: [String]) throws -> Outcome {
    try biostore(arguments, stdinBytes: [])
  }
}

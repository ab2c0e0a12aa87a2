import Foundation
import Testing

/// End-to-end: a table of malformed invocations, each refused with one `biostore: error:` line, the right exit code, and `HEAD` and the tags unmoved.
@Suite struct MalformedInputTests {
  /// A store with a 2024 biosketch and an engagement `talk`, plus files to feed in: `{dir}`, `{binary}`, `{latin1}`, `{huge}`, `{blank}`, `{taken}`.
  func store() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(
      try sandbox.biostore("save", "biosketch", "--date", "2024-04-08", stdin: "Current bio.\n")
        .status == 0)
    try #require(try sandbox.biostore("tag", "talk", "biosketch").status == 0)
    let root = sandbox.root.path
    try FileManager.default.createDirectory(
      atPath: root + "/dir/inner", withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: root + "/binary", contents: Data([0x41, 0, 0x42]))
    _ = FileManager.default.createFile(
      atPath: root + "/latin1", contents: Data([0x63, 0x61, 0x66, 0xE9]))
    _ = FileManager.default.createFile(
      atPath: root + "/huge", contents: Data(repeating: 0x61, count: 4 * 1024 * 1024 + 1))
    _ = FileManager.default.createFile(atPath: root + "/blank", contents: Data(" \n\t\n".utf8))
    return sandbox
  }

  static let cases: [([String], Int32)] = [
    // Names
    (["save", ""], 2), (["save", "../x"], 2), (["save", ".git"], 2), (["save", "a/b"], 2),
    (["save", "Biosketch"], 2), (["save", "bio\u{7}sketch"], 2), (["save", "bío"], 2),
    (["save", String(repeating: "a", count: 65)], 2),
    (["save", String(repeating: "a", count: 100_000)], 2), (["save", "-x-"], 2),
    (["save", "bio\u{202E}sketch"], 2), (["edit", "Bad"], 2),
    // Specs
    (["show", "biosketch@"], 2), (["show", "@2024"], 2), (["show", "biosketch@2024-02-30"], 2),
    (["show", "biosketch@2024-13"], 2), (["show", "biosketch@1969"], 2),
    (["show", "biosketch@2024-04-08T25:00:00Z"], 2), (["show", "biosketch~x"], 2),
    (["show", "biosketch~1~1"], 2), (["show", "bio@a@b"], 2), (["show", "biosketch@ün"], 2),
    (["show", "biosketch~99"], 1), (["show", "biosketch~99999999999"], 2),
    (["show", "nosuch"], 1), (["show", "biosketch@deadbeef"], 1), (["show", "biosketch@2019"], 1),
    (["show", "biosketch@" + String(repeating: "9", count: 10_000)], 2),
    // Options and dates
    (["history", "nosuch"], 1), (["history", "biosketch", "--limit", "0"], 2),
    (["history", "biosketch", "--since", "2024-02-30"], 2),
    (["history", "biosketch", "--until", "yesterday"], 2),
    (["save", "biosketch", "--date", "yesterday"], 2),
    (["save", "biosketch", "--date", "2019", "--file", "{blank}"], 2),
    (["save", "biosketch", "--date", "0000-01-01"], 2),
    // Input files
    (["save", "biosketch", "--file", "{root}/missing"], 2),
    (["save", "biosketch", "--file", "{dir}"], 2),
    (["save", "biosketch", "--file", "{binary}"], 2),
    (["save", "biosketch", "--file", "{latin1}"], 2),
    (["save", "biosketch", "--file", "{huge}"], 2),
    (["save", "biosketch", "--file", "{blank}"], 2),
    // Usage
    (["frobnicate"], 2), (["list", "--frob"], 2), (["show"], 2), (["diff", "biosketch"], 2),
    (["diff", "biosketch", "biosketch", "--stat", "--json"], 2),
    (["diff", "biosketch", "biosketch", "--context", "-1"], 2),
    (["diff", "@Bad", "biosketch"], 2), (["diff", "@nosuch", "biosketch"], 1),
    // Engagements
    (["tag", "Bad_Name", "biosketch"], 2), (["tag", "new", "nosuch"], 1),
    (["tag", "new", "biosketch", "--date", "2024-02-30"], 2),
    (["tag", "new", "biosketch", "--limit", "0"], 2), (["tag", "talk", "biosketch"], 1),
    (["tag", "new", "biosketch", "biosketch"], 2), (["recall", "nothing at all"], 1),
    (["engagements", "--since", "soon"], 2), (["show", "biosketch@nosuch-talk"], 1),
    // Import and export
    (["import", "{root}/missing.md", "--variant", "bio"], 2), (["import", "{dir}"], 2),
    (["import", "{dir}", "--variant", "bio"], 2),
    (["import-git", "{root}/missing", "about.md", "--variant", "bio"], 1),
    (["import-git", "{dir}", "about.md", "--variant", "bio"], 1), (["export", "{dir}"], 1),
    // Stores
    (["--store", "{root}/nowhere", "list"], 1), (["--store", "{binary}", "list"], 1),
  ]

  @Test(arguments: MalformedInputTests.cases)
  func malformedInvocationsAreRefusedInOneLineAndMoveNothing(_ example: ([String], Int32))
    throws
  {
    let sandbox = try store()
    let root = sandbox.root.path
    let arguments = example.0.map { argument in
      [
        "{root}": root, "{dir}": root + "/dir", "{binary}": root + "/binary",
        "{latin1}": root + "/latin1", "{huge}": root + "/huge", "{blank}": root + "/blank",
      ]
      .reduce(argument) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
    let head = try sandbox.git("rev-parse", "HEAD").stdout
    let tags = try sandbox.git("show-ref", "--tags").stdout

    let outcome = try sandbox.biostore(arguments, stdinBytes: [])

    #expect(outcome.status == example.1, "\(outcome.stderr)")
    #expect(outcome.stderr.hasPrefix("biostore: error: "), "\(outcome.stderr)")
    #expect(outcome.stderr.split(separator: "\n").count == 1)
    #expect(outcome.stdout.isEmpty)
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
    #expect(try sandbox.git("show-ref", "--tags").stdout == tags)
    #expect(try sandbox.git("status", "--porcelain").stdout.isEmpty)
  }

  @Test func theTableHoldsAtLeastFortyInvocations() {
    #expect(MalformedInputTests.cases.count >= 40)
  }
}

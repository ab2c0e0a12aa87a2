import Foundation
import Testing

/// End-to-end: whatever stops `edit` from saving, the edited text is kept in a file the error names, a change made meanwhile is caught even when it brought the same text back, and bytes that are not UTF-8 reach the editor and stdout unchanged.
@Suite struct EditKeepsTextTests {
  /// Writes an editor script that runs `before` (shell) and then writes `text` into the file.
  private func editor(in sandbox: Sandbox, before: String, text: String) throws -> String {
    let script = try sandbox.file(
      "editor-\(UUID().uuidString).sh",
      """
      #!/bin/sh
      \(before)
      printf '\(text)' > "$1"
      """)
    chmod(script, 0o755)
    return script
  }

  /// The path of the kept file an error names.
  private func keptFile(_ outcome: Outcome) throws -> String {
    try #require(
      outcome.stderr.firstMatch(of: /kept in (\S+\.md)/).map { String($0.1) }, "\(outcome.stderr)")
  }

  /// What else can stop a save after the editor closes: a hand edit made while the editor is open, and a latest version dated after now.
  static let obstacles: [(name: String, before: [String], during: String, message: String)] = [
    (
      "a hand edit of the work-tree file", [],
      "printf 'By hand.\\n' > \"$BIOSTORE_DIR/bio.md\"", "has unsaved hand edits"
    ),
    (
      "a latest version dated in the future", ["save", "bio", "--date", "2999", "--future"], ":",
      "older than bio's latest version"
    ),
  ]

  @Test(arguments: 0..<obstacles.count)
  func theEditedTextIsKeptWhateverStopsTheSave(case number: Int) throws {
    let obstacle = EditKeepsTextTests.obstacles[number]
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "One.\n").status == 0)
    if !obstacle.before.isEmpty {
      try #require(
        try sandbox.biostore(obstacle.before, stdinBytes: Array("Later.\n".utf8)).status == 0)
    }
    let tipBefore = try sandbox.git("rev-parse", "HEAD").stdout
    let script = try editor(in: sandbox, before: obstacle.during, text: "Edited.\\n")

    let outcome = try sandbox.biostore("edit", "bio", extraEnvironment: ["EDITOR": script])

    #expect(outcome.status == 1, "\(obstacle.name)")
    #expect(outcome.stderr.contains(obstacle.message), "\(outcome.stderr)")
    #expect(outcome.stderr.split(separator: "\n").count == 1)
    let kept = try keptFile(outcome)
    #expect(try String(contentsOfFile: kept, encoding: .utf8) == "Edited.\n")
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == tipBefore)
  }

  @Test func aTextThatCannotBeAVersionIsKeptByteForByte() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "One.\n").status == 0)
    // The editor saved in Latin-1: not UTF-8, so not a version, but still the person's words.
    let script = try editor(in: sandbox, before: ":", text: "Caf\\351.\\n")

    let outcome = try sandbox.biostore("edit", "bio", extraEnvironment: ["EDITOR": script])

    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("UTF-8"), "\(outcome.stderr)")
    let kept = Array(try Data(contentsOf: URL(fileURLWithPath: try keptFile(outcome))))
    #expect(kept == Array("Caf".utf8) + [0xE9] + Array(".\n".utf8))
    #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "1\n")
  }

  @Test func twoEditsThatFailInOneSecondAreKeptInTwoFiles() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "One.\n").status == 0)
    let first = try sandbox.biostore(
      "edit", "bio",
      extraEnvironment: ["EDITOR": try editor(in: sandbox, before: ":", text: "Draft A\\0.\\n")])
    let second = try sandbox.biostore(
      "edit", "bio",
      extraEnvironment: ["EDITOR": try editor(in: sandbox, before: ":", text: "Draft B\\0.\\n")])

    let (keptA, keptB) = (try keptFile(first), try keptFile(second))
    #expect(keptA != keptB)
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: keptA))) == Array("Draft A\0.\n".utf8))
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: keptB))) == Array("Draft B\0.\n".utf8))
  }

  @Test func anEditTooLongToBeAVersionIsKept() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "One.\n").status == 0)
    let script = try sandbox.file(
      "big.sh", "#!/bin/sh\n{ echo mine; head -c 5000000 /dev/zero | tr '\\0' a; } > \"$1\"\n")
    chmod(script, 0o755)

    let outcome = try sandbox.biostore("edit", "bio", extraEnvironment: ["EDITOR": script])

    #expect(outcome.status == 2)
    let kept = try Data(contentsOf: URL(fileURLWithPath: try keptFile(outcome)))
    #expect(kept.count == 5_000_005)
    #expect(kept.starts(with: Data("mine\n".utf8)))
  }

  @Test func aVersionSavedAndUndoneWhileEditingIsStillAChangeTheEditIsNotSavedOver() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "Same.\n").status == 0)
    // Meanwhile: B, then A again. The text is the draft's; the history is not.
    let script = try editor(
      in: sandbox,
      before: """
        printf 'Other.\\n' | "\(Sandbox.binary)" save bio -m B >/dev/null
        printf 'Same.\\n' | "\(Sandbox.binary)" save bio -m A >/dev/null
        """, text: "Mine.\\n")

    let outcome = try sandbox.biostore("edit", "bio", extraEnvironment: ["EDITOR": script])

    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("bio changed while you were editing"))
    #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "3\n")
    #expect(try sandbox.git("show", "HEAD:bio.md").stdout == "Same.\n")
    #expect(try String(contentsOfFile: try keptFile(outcome), encoding: .utf8) == "Mine.\n")
  }

  @Test func aFileThatIsNotUTF8IsShownAndOpenedByteForByte() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "One.\n").status == 0)
    // Stock git records a Latin-1 file, as an old page might be.
    let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(".\n".utf8)
    try Data(latin1).write(to: URL(fileURLWithPath: sandbox.store + "/bio.md"))
    try #require(try sandbox.git("commit", "-qam", "Latin-1").status == 0)
    let copy = sandbox.root.appendingPathComponent("opened.md").path
    let script = try editor(in: sandbox, before: "cp \"$1\" \"\(copy)\"", text: "Caf\\303\\251.\\n")

    let shown = try sandbox.biostore("show", "bio")
    let edited = try sandbox.biostore("edit", "bio", extraEnvironment: ["EDITOR": script])

    #expect(shown.status == 0)
    #expect(shown.stdoutBytes == latin1)
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: copy))) == latin1)
    #expect(edited.status == 0, "\(edited.stderr)")
    #expect(try sandbox.git("show", "HEAD:bio.md").stdout == "Café.\n")
  }
}

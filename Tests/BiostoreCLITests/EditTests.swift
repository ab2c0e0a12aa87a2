import Foundation
import Testing

/// End-to-end: `edit` runs the user's editor on a temporary copy and saves only what it changed.
@Suite struct EditTests {
  func store() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "biosketch", stdin: "First line.\n").status == 0)
    return sandbox
  }

  /// A shell script usable as an editor: it runs `body` with the file in "$last".
  func editor(_ sandbox: Sandbox, _ body: String) throws -> String {
    let path = try sandbox.file(
      "editor-\(UUID().uuidString).sh", "#!/bin/sh\nfor last; do :; done\n\(body)\n")
    chmod(path, 0o755)
    return path
  }

  @Test func anEditorThatChangesTheTextSavesANewVersion() throws {
    let sandbox = try store()
    let script = try editor(sandbox, "printf 'Added by %s.\\n' \"$1\" >> \"$last\"")

    // VISUAL wins over EDITOR and is split on spaces, so "script tester" passes an argument.
    let outcome = try sandbox.biostore(
      "edit", "biosketch", "-m", "Edited",
      extraEnvironment: ["VISUAL": "\(script) tester", "EDITOR": "false"])

    #expect(outcome.status == 0)
    #expect(
      try sandbox.git("show", "HEAD:biosketch.md").stdout == "First line.\nAdded by tester.\n")
    #expect(try sandbox.git("log", "-1", "--format=%s").stdout == "Edited\n")
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
  }

  @Test func aFailingEditorSavesNothing() throws {
    let sandbox = try store()
    let head = try sandbox.git("rev-parse", "HEAD").stdout
    let script = try editor(sandbox, "echo changed >> \"$last\"; exit 3")

    let outcome = try sandbox.biostore("edit", "biosketch", extraEnvironment: ["EDITOR": script])

    #expect(outcome.status == 1)
    #expect(outcome.stderr.hasPrefix("biostore: error: editor"))
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
  }

  @Test func anEditorThatChangesNothingRecordsNothing() throws {
    let sandbox = try store()
    let head = try sandbox.git("rev-parse", "HEAD").stdout

    let outcome = try sandbox.biostore("edit", "biosketch", extraEnvironment: ["EDITOR": "true"])

    #expect(outcome.status == 0)
    #expect(outcome.stderr.contains("unchanged"))
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
  }
}

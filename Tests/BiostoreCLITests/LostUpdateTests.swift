import Foundation
import Testing

/// End-to-end: `edit` saves only over the version it opened; a version recorded meanwhile is never replaced silently.
@Suite struct LostUpdateTests {
  @Test func aVersionSavedWhileEditingIsKeptAndTheEditGoesToANamedFile() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "Version one.\n").status == 0)
    // The editor records another version through a second biostore, then changes its own copy.
    let script = try sandbox.file(
      "editor.sh",
      """
      #!/bin/sh
      printf 'Saved meanwhile.\\n' | "\(Sandbox.binary)" save bio -m meanwhile >/dev/null
      printf 'Edited in the editor.\\n' > "$1"
      """)
    chmod(script, 0o755)

    let outcome = try sandbox.biostore("edit", "bio", extraEnvironment: ["EDITOR": script])

    #expect(outcome.status == 1)
    #expect(outcome.stderr.hasPrefix("biostore: error: bio changed while you were editing"))
    #expect(outcome.stderr.split(separator: "\n").count == 1)
    #expect(try sandbox.git("show", "HEAD:bio.md").stdout == "Saved meanwhile.\n")
    #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "2\n")
    let kept = try #require(
      outcome.stderr.firstMatch(of: /kept in (\S+\.md)/).map { String($0.1) }, "\(outcome.stderr)")
    #expect(try String(contentsOfFile: kept, encoding: .utf8) == "Edited in the editor.\n")
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
    #expect(try sandbox.biostore("save", "bio", "--file", kept).status == 0)
    #expect(try sandbox.git("show", "HEAD:bio.md").stdout == "Edited in the editor.\n")
  }
}

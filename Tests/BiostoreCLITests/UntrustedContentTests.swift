import Foundation
import Testing

/// End-to-end: what another tool or person wrote — a source dated past 9999, a forged `Imported-From:` line, escape sequences in messages and tags, a HEAD that names no branch — is refused or shown as text, never believed or passed to the terminal.
@Suite struct UntrustedContentTests {
  @Test func aSourceRevisionDatedPast9999IsRefusedAndNothingIsRecorded() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let site = try SourceRepository(in: sandbox)
    try site.commit("bio.md", "In time.\n", "one", at: "2020-01-01T00:00:00Z")
    try site.commit("bio.md", "Far future.\n", "two", at: "@253402300800 +0000")

    let imported = try sandbox.biostore("import-git", site.path, "bio.md", "--variant", "bio")

    #expect(imported.status == 2)
    #expect(imported.stderr.contains("outside 1970-01-01T00:00:00Z to 9999-12-31"))
    #expect(imported.stderr.contains("nothing was recorded"))
    #expect(try sandbox.git("rev-parse", "--verify", "-q", "HEAD").stdout == "")
  }

  @Test func aForgedImportedFromLineDoesNotMakeImportGitSkipARevision() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let site = try SourceRepository(in: sandbox)
    try site.commit("bio.md", "The source's text.\n", "web edit", at: "2024-06-01T00:00:00Z")
    let revision = try site.git("rev-parse", "HEAD").trimmingCharacters(in: .newlines)
    try #require(
      try sandbox.biostore(
        "save", "bio", "--date", "2024-01-01", "-m", "Mine\n\nImported-From: \(revision)",
        stdin: "My own text.\n"
      ).status == 0)

    let imported = try sandbox.biostore("import-git", site.path, "bio.md", "--variant", "bio")

    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try sandbox.git("show", "HEAD:bio.md").stdout == "The source's text.\n")
    #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "2\n")
  }

  @Test func escapeSequencesInMessagesAndTagsReachTheTerminalAsText() throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    try Data("Four.\n".utf8).write(to: URL(fileURLWithPath: sandbox.store + "/biosketch.md"))
    try #require(try sandbox.git("commit", "-qam", "\u{1b}[2J\u{1b}]0;owned\u{7}wiped").status == 0)
    try #require(
      try sandbox.git(
        "tag", "-a", "-m", "SC\u{1b}[31m25\n\nVenue: St\u{1b}[0mLouis\nDate: 2025-11-16",
        "engagements/sc25"
      ).status == 0)

    let outputs = [
      try sandbox.biostore("history", "biosketch"), try sandbox.biostore("engagements"),
      try sandbox.biostore("recall", "sc25"),
    ]

    for outcome in outputs {
      #expect(outcome.status == 0, "\(outcome.stderr)")
      #expect(!outcome.stdoutBytes.contains(0x1b), "\(outcome.stdout)")
      #expect(!outcome.stdoutBytes.contains(0x07))
    }
    #expect(outputs[0].stdout.contains(#"\u{1b}[2J\u{1b}]0;owned\u{7}wiped"#))
    #expect(outputs[1].stdout.contains(#"SC\u{1b}[31m25"#))
  }

  @Test func aHeadNamingATagIsRefusedForWritesAndTheTagIsNotMoved() throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    try #require(try sandbox.git("tag", "v1").status == 0)
    try #require(try sandbox.git("symbolic-ref", "HEAD", "refs/tags/v1").status == 0)
    let tag = try sandbox.git("rev-parse", "refs/tags/v1").stdout

    let saved = try sandbox.biostore("save", "biosketch", stdin: "Four.\n")

    #expect(saved.status == 1)
    #expect(
      saved.stderr.contains("HEAD names refs/tags/v1, which is not a branch biostore can move"))
    #expect(saved.stderr.contains("nothing was recorded"))
    #expect(try sandbox.git("rev-parse", "refs/tags/v1").stdout == tag)
    #expect(try sandbox.git("rev-parse", "refs/heads/main").stdout == tag)
  }

  @Test func aHeadNamingASymbolicBranchIsRefusedAndTheBranchStaysSymbolic() throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    try #require(try sandbox.git("symbolic-ref", "refs/heads/alias", "refs/heads/main").status == 0)
    try #require(try sandbox.git("symbolic-ref", "HEAD", "refs/heads/alias").status == 0)

    let saved = try sandbox.biostore("save", "biosketch", stdin: "Four.\n")

    #expect(saved.status == 1)
    #expect(
      saved.stderr.contains("HEAD names refs/heads/alias, which is not a branch biostore can move"))
    #expect(try sandbox.git("symbolic-ref", "refs/heads/alias").stdout == "refs/heads/main\n")
    #expect(try sandbox.git("show", "main:biosketch.md").stdout == "Three more words.\n")
  }

  @Test func importingAPathThatDoesNotExistSaysSo() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)

    let outcome = try sandbox.biostore("import", "/nonexistent/folder")

    #expect(outcome.status == 2)
    #expect(
      outcome.stderr
        == "biostore: error: there is no file or folder /nonexistent/folder; give a folder written by `biostore export`, or a file with --variant (see `biostore help`)\n"
    )
  }
}

import Foundation
import Testing

/// End-to-end: stores edited by stock git in between, and damaged stores, get clear answers.
@Suite struct ForeignEditTests {
  func store() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(
      try sandbox.biostore("save", "biosketch", "--date", "2020-01-01", stdin: "First.\n").status
        == 0)
    try #require(
      try sandbox.biostore("save", "biosketch", "--date", "2021-01-01", stdin: "Second.\n").status
        == 0)
    return sandbox
  }

  @Test func commitsAndRewritesMadeWithStockGitAreReadAndBuiltOn() throws {
    let sandbox = try store()
    try "By hand.\n".write(
      toFile: sandbox.store + "/biosketch.md", atomically: true, encoding: .utf8)
    try "Not a bio.\n".write(
      toFile: sandbox.store + "/notes.txt", atomically: true, encoding: .utf8)
    try sandbox.git("add", "-A")
    try sandbox.git("commit", "-q", "-m", "Edited with git")
    try sandbox.git("commit", "-q", "--amend", "-m", "Edited with git, reworded")

    let history = try sandbox.biostore("history", "biosketch")
    let saved = try sandbox.biostore("save", "biosketch", stdin: "Third.\n")

    #expect(
      history.stdout.split(separator: "\n").first?.hasSuffix("Edited with git, reworded") == true)
    #expect(saved.status == 0, "\(saved.stderr)")
    #expect(try sandbox.git("show", "HEAD:notes.txt").stdout == "Not a bio.\n")
    #expect(try sandbox.git("status", "--porcelain").stdout.isEmpty)
    #expect(try sandbox.git("fsck", "--strict").status == 0)
  }

  @Test func aMissingObjectIsReportedInOneLine() throws {
    let sandbox = try store()
    let blob = try sandbox.git("rev-parse", "HEAD~1:biosketch.md").stdout
      .trimmingCharacters(in: .newlines)
    try FileManager.default.removeItem(
      atPath: "\(sandbox.store)/.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")

    let shown = try sandbox.biostore("show", "biosketch~1")

    #expect(shown.status == 1)
    #expect(shown.stderr.hasPrefix("biostore: error: the store at "))
    #expect(shown.stderr.contains("git fsck"))
    #expect(shown.stderr.split(separator: "\n").count == 1)
  }

  @Test func aDamagedHeadIsReportedInOneLine() throws {
    let sandbox = try store()
    try "garbage\n".write(toFile: sandbox.store + "/.git/HEAD", atomically: true, encoding: .utf8)

    let listed = try sandbox.biostore("list")
    let saved = try sandbox.biostore("save", "biosketch", stdin: "Third.\n")

    #expect(listed.status == 1)
    #expect(listed.stderr.contains("HEAD cannot be read"))
    #expect(saved.status == 1)
    #expect(saved.stderr.split(separator: "\n").count == 1)
  }
}

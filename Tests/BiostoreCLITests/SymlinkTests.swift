import Foundation
import Testing

/// End-to-end: biostore never follows a symbolic link for a variant file or for anything under `.git/biostore`.
@Suite struct SymlinkTests {
  func store() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    return sandbox
  }

  func commitCount(_ sandbox: Sandbox) throws -> String {
    try sandbox.git("rev-list", "--all", "--count").stdout
  }

  @Test(arguments: ["/etc/passwd", "outside-file", "outside-folder"])
  func aVariantFileThatIsALinkIsNeverReadIntoAVersion(target: String) throws {
    let sandbox = try store()
    let outside = sandbox.root.appendingPathComponent(target).path
    if target == "outside-file" { _ = try sandbox.file(target, "Secret words.\n") }
    if target == "outside-folder" {
      try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    }
    let linkTarget = target.hasPrefix("/") ? target : outside
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.store + "/bio.md", withDestinationPath: linkTarget)

    let outcome = try sandbox.biostore("save", "bio")

    #expect(outcome.status == 1)
    #expect(outcome.stderr.hasPrefix("biostore: error: "))
    #expect(outcome.stderr.contains("symbolic link"))
    #expect(outcome.stderr.split(separator: "\n").count == 1)
    #expect(try sandbox.git("rev-list", "--all").stdout == "")
  }

  @Test func aSavedVariantWhoseFileBecameALinkIsRefusedWithAnyInput() throws {
    let sandbox = try store()
    try #require(try sandbox.biostore("save", "bio", stdin: "First.\n").status == 0)
    let outside = try sandbox.file("outside.md", "Not a bio.\n")
    let before = try commitCount(sandbox)
    unlink(sandbox.store + "/bio.md")
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.store + "/bio.md", withDestinationPath: outside)
    let newText = try sandbox.file("new.md", "Second.\n")

    let handEdit = try sandbox.biostore("save", "bio")
    let fromFile = try sandbox.biostore("save", "bio", "--file", newText)
    let edit = try sandbox.biostore("edit", "bio", extraEnvironment: ["EDITOR": "true"])

    for outcome in [handEdit, fromFile, edit] {
      #expect(outcome.status == 1)
      #expect(outcome.stderr.contains("symbolic link"))
    }
    #expect(try commitCount(sandbox) == before)
    #expect(try String(contentsOfFile: outside, encoding: .utf8) == "Not a bio.\n")
    #expect(try sandbox.git("show", "HEAD:bio.md").stdout == "First.\n")
  }

  @Test func aPrivateFolderThatIsALinkIsRefusedAndNothingIsWrittenThrough() throws {
    let sandbox = try store()
    try #require(try sandbox.biostore("save", "bio", stdin: "First.\n").status == 0)
    let outside = sandbox.root.appendingPathComponent("elsewhere").path
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    try FileManager.default.removeItem(atPath: sandbox.store + "/.git/biostore")
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.store + "/.git/biostore", withDestinationPath: outside)

    let outcome = try sandbox.biostore("save", "bio", stdin: "Second.\n")

    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("symbolic link"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    #expect(try sandbox.git("show", "HEAD:bio.md").stdout == "First.\n")
  }

  @Test func aJournalThatIsALinkIsDroppedWithoutTouchingItsTarget() throws {
    let sandbox = try store()
    try #require(try sandbox.biostore("save", "bio", stdin: "First.\n").status == 0)
    let outside = try sandbox.file("outside.json", "{\"changes\":[]}")
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.store + "/.git/biostore/journal", withDestinationPath: outside)

    let outcome = try sandbox.biostore("save", "bio", stdin: "Second.\n")

    #expect(outcome.status == 0)
    #expect(try String(contentsOfFile: outside, encoding: .utf8) == "{\"changes\":[]}")
    #expect(try sandbox.git("show", "HEAD:bio.md").stdout == "Second.\n")
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
  }
}

import Foundation
import Testing

/// End-to-end: bad input is checked before anything is written, and a write that died is finished or forgotten as one transaction, its engagement tags included.
@Suite struct TransactionTests {
  func exportedFolder(_ sandbox: Sandbox) throws -> String {
    let source = sandbox.root.appendingPathComponent("source").path
    try #require(
      try sandbox.biostore("init", "--store", source).status == 0)
    try #require(
      try sandbox.biostore(
        "save", "bio", "--store", source, "--date", "2020-01-01", stdin: "One.\n"
      )
      .status == 0)
    try #require(
      try sandbox.biostore(
        "save", "bio", "--store", source, "--date", "2021-01-01", stdin: "Two.\n"
      )
      .status == 0)
    try #require(
      try sandbox.biostore("tag", "talk", "bio@2020", "--store", source, "--date", "2020-02-01")
        .status == 0)
    try #require(
      try sandbox.biostore("tag", "panel", "bio", "--store", source, "--date", "2021-02-01").status
        == 0)
    let folder = sandbox.root.appendingPathComponent("exported").path
    try #require(try sandbox.biostore("export", folder, "--store", source).status == 0)
    return folder
  }

  @Test func anEngagementListedTwiceIsRefusedBeforeAnyVersionIsWritten() throws {
    let sandbox = try Sandbox()
    let folder = try exportedFolder(sandbox)
    let file = folder + "/engagements.yaml"
    let yaml = try String(contentsOfFile: file, encoding: .utf8)
    let talk = try #require(yaml.range(of: "- name: talk")).lowerBound
    let panel = try #require(yaml.range(of: "- name: panel")).lowerBound
    // The talk entry, listed a second time at the end.
    let entry = talk < panel ? yaml[talk..<panel] : yaml[talk...]
    try (yaml + (yaml.hasSuffix("\n") ? "" : "\n") + entry).write(
      toFile: file, atomically: true, encoding: .utf8)
    try #require(try sandbox.biostore("init").status == 0)

    let outcome = try sandbox.biostore("import", folder)

    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("listed twice"))
    #expect(try sandbox.git("rev-list", "--all").stdout == "")
    #expect(try sandbox.git("tag").stdout == "")
  }

  @Test func anImportKilledAfterItsBranchMovedGetsItsTagsFromTheNextCommand() throws {
    let sandbox = try Sandbox()
    let folder = try exportedFolder(sandbox)
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("import", folder).status == 0)
    let tip = try sandbox.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .newlines)
    let tags = try ["talk", "panel"].map { name in
      try sandbox.git("rev-parse", "refs/tags/engagements/\(name)").stdout
        .trimmingCharacters(in: .newlines)
    }
    // The state a kill leaves after the branch moved and before the tags did.
    for name in ["talk", "panel"] {
      try #require(try sandbox.git("update-ref", "-d", "refs/tags/engagements/\(name)").status == 0)
    }
    let journal = """
      {"changes":[],"references":[{"name":"refs/heads/main","new":"\(tip)"},\
      {"name":"refs/tags/engagements/talk","new":"\(tags[0])"},\
      {"name":"refs/tags/engagements/panel","new":"\(tags[1])"}]}
      """
    try journal.write(
      toFile: sandbox.store + "/.git/biostore/journal", atomically: true, encoding: .utf8)

    let next = try sandbox.biostore("engagements")

    #expect(next.status == 0)
    #expect(next.stdout.contains("talk") && next.stdout.contains("panel"))
    #expect(try sandbox.git("rev-parse", "refs/tags/engagements/talk").stdout == tags[0] + "\n")
    #expect(try sandbox.git("rev-parse", "refs/tags/engagements/panel").stdout == tags[1] + "\n")
    #expect(!FileManager.default.fileExists(atPath: sandbox.store + "/.git/biostore/journal"))
    #expect(try sandbox.git("fsck", "--strict").status == 0)
  }

  @Test func aWriteKilledBeforeItsBranchMovedIsForgottenTagsAndAll() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "One.\n").status == 0)
    let tip = try sandbox.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .newlines)
    let orphan = try sandbox.git("commit-tree", "HEAD^{tree}", "-m", "never recorded").stdout
      .trimmingCharacters(in: .newlines)
    let journal = """
      {"changes":[],"references":[{"name":"refs/heads/main","old":"\(tip)","new":"\(orphan)"},\
      {"name":"refs/tags/engagements/talk","new":"\(orphan)"}]}
      """
    try journal.write(
      toFile: sandbox.store + "/.git/biostore/journal", atomically: true, encoding: .utf8)

    let next = try sandbox.biostore("save", "bio", stdin: "Two.\n")

    #expect(next.status == 0)
    #expect(try sandbox.git("rev-parse", "HEAD~1").stdout == tip + "\n")
    #expect(try sandbox.git("tag").stdout == "")
  }

  @Test func theFolderOfAKilledExportIsRemovedByTheNextCommand() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "One.\n").status == 0)
    // A pid that is certainly gone: a process that has already exited.
    let finished = Process()
    finished.executableURL = URL(fileURLWithPath: "/bin/true")
    try finished.run()
    finished.waitUntilExit()
    let scratch = sandbox.root.appendingPathComponent(
      ".out.biostore-export-\(finished.processIdentifier)-DEADBEEF"
    ).path
    try FileManager.default.createDirectory(
      atPath: scratch + "/bio", withIntermediateDirectories: true)
    try Data("---\n".utf8).write(to: URL(fileURLWithPath: scratch + "/bio/x.md"))
    let markers = sandbox.store + "/.git/biostore/exports"
    try FileManager.default.createDirectory(atPath: markers, withIntermediateDirectories: true)
    try scratch.write(
      toFile: markers + "/\(finished.processIdentifier)", atomically: true, encoding: .utf8)

    #expect(try sandbox.biostore("list").status == 0)

    #expect(!FileManager.default.fileExists(atPath: scratch))
    #expect(try FileManager.default.contentsOfDirectory(atPath: markers).isEmpty)
  }

  @Test func anExportToAFolderWithATrailingSlashWritesThatFolderAndNothingElse() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "One.\n").status == 0)
    let destination = sandbox.root.appendingPathComponent("backup").path

    let outcome = try sandbox.biostore("export", destination + "/")
    let missingParent = try sandbox.biostore("export", sandbox.root.path + "/no/such/place")

    #expect(outcome.status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: destination + "/bio").count == 1)
    let siblings = try FileManager.default.contentsOfDirectory(atPath: sandbox.root.path)
    #expect(!siblings.contains { $0.contains("biostore-export") })
    #expect(missingParent.status == 1)
    #expect(missingParent.stderr.contains("does not exist"))
    #expect(!FileManager.default.fileExists(atPath: sandbox.root.path + "/no"))
  }
}

import Foundation
import Testing

/// End-to-end: what someone (or some tool) plants under `.git` — links in place of biostore's folders, forged export markers and journals, a copied cache, a later attributes line — never makes biostore read, write or delete outside the store, or believe the wrong thing.
@Suite struct PlantedFilesTests {
  /// biostore's folders under `.git`, each of which may be replaced by a link to a folder outside.
  static let folders = ["biostore", "biostore/index", "biostore/exports", "biostore-unsaved"]

  @Test(arguments: folders)
  func aLinkInPlaceOfOneOfBiostoresFoldersIsRefusedAndNothingOutsideIsTouched(folder: String)
    throws
  {
    let sandbox = try Sandbox.withThreeBiosketches()
    #expect(try sandbox.biostore("history", "biosketch").status == 0)
    let outside = sandbox.root.appendingPathComponent("outside").path
    let path = sandbox.store + "/.git/" + folder
    // The folder moves outside and a link takes its place: a cache there is still current.
    if FileManager.default.fileExists(atPath: path) {
      try FileManager.default.moveItem(atPath: path, toPath: outside)
    } else {
      try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    }
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: outside)
    let before = try PlantedFilesTests.snapshot(of: outside)
    let tip = try sandbox.git("rev-parse", "HEAD").stdout

    let saved = try sandbox.biostore("save", "biosketch", stdin: "Four.\n")
    let history = try sandbox.biostore("history", "biosketch")

    for outcome in [saved, history] {
      #expect(outcome.status == 1)
      #expect(outcome.stderr.hasPrefix("biostore: error: \(path) is a symbolic link"))
      #expect(outcome.stderr.contains("remove the link"))
      #expect(outcome.stderr.split(separator: "\n").count == 1)
    }
    #expect(try PlantedFilesTests.snapshot(of: outside) == before)
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == tip)

    try FileManager.default.removeItem(atPath: path)
    #expect(try sandbox.biostore("save", "biosketch", stdin: "Four.\n").status == 0)
  }

  /// Every file under `folder` with its bytes, to show nothing there was written or removed.
  static func snapshot(of folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for case let name as String in FileManager.default.enumerator(atPath: folder) ?? .init() {
      let path = folder + "/" + name
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
        files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
      }
    }
    return files
  }

  @Test func aFileInPlaceOfBiostoresFolderIsCalledAFileNotALink() throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    let path = sandbox.store + "/.git/biostore"
    try FileManager.default.removeItem(atPath: path)
    try Data("x".utf8).write(to: URL(fileURLWithPath: path))

    let listed = try sandbox.biostore("list")

    #expect(listed.status == 1)
    #expect(listed.stderr.hasPrefix("biostore: error: \(path) is not a folder"))
  }

  /// Markers a killed export could not have written, each naming a folder outside the store.
  static let forgedMarkers: [(name: String, content: String)] = [
    ("important", "a folder of any name"),
    (".important.biostore-export-PID-DEADBEEF/../important", "a path that climbs out"),
    (".x.biostore-export-PID-DEADBEEF", "a scratch-named folder holding a link"),
    (".y.biostore-export-OTHER-DEADBEEF", "a scratch name with another process's number"),
  ]

  @Test(arguments: 0..<forgedMarkers.count)
  func aForgedExportMarkerNeverRemovesAFolderBiostoreDidNotMake(case number: Int) throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    let finished = Process()
    finished.executableURL = URL(fileURLWithPath: "/bin/true")
    try finished.run()
    finished.waitUntilExit()
    let pid = finished.processIdentifier
    let named = PlantedFilesTests.forgedMarkers[number].name
      .replacingOccurrences(of: "PID", with: "\(pid)")
      .replacingOccurrences(of: "OTHER", with: "\(pid + 1)")
    let victim = sandbox.root.appendingPathComponent(
      named.hasSuffix("/important") ? "important" : named
    ).path
    try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
    try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: victim + "/notes.md"))
    if number == 2 {
      try FileManager.default.createSymbolicLink(
        atPath: victim + "/home", withDestinationPath: sandbox.root.path)
    }
    let markers = sandbox.store + "/.git/biostore/exports"
    try FileManager.default.createDirectory(atPath: markers, withIntermediateDirectories: true)
    try (sandbox.root.path + "/" + named).write(
      toFile: markers + "/\(pid)", atomically: true, encoding: .utf8)

    let listed = try sandbox.biostore("list")

    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(
      try String(contentsOfFile: victim + "/notes.md", encoding: .utf8) == "keep me\n",
      "\(PlantedFilesTests.forgedMarkers[number].content)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: markers).isEmpty)
  }

  @Test func aJournalNamingAReferenceOutsideGitIsDroppedOnceAndDeletesNothing() throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    let tip = try sandbox.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .newlines)
    // clearStaleLocks would remove `.git/<name>.lock`: here, a file beside the store.
    let victim = sandbox.root.appendingPathComponent("victim.lock").path
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
    var old = [
      timeval(tv_sec: 1_000_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000_000, tv_usec: 0),
    ]
    utimes(victim, &old)
    let journal = """
      {"changes":[],"references":[{"name":"../../victim","new":"\(tip)"}]}
      """
    try journal.write(
      toFile: sandbox.store + "/.git/biostore/journal", atomically: true, encoding: .utf8)

    let first = try sandbox.biostore("save", "biosketch", stdin: "Four.\n")
    let second = try sandbox.biostore("history", "biosketch")

    #expect(FileManager.default.fileExists(atPath: victim))
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("warning: dropped a write journal that cannot be finished"))
    #expect(second.stderr == "")
    #expect(!FileManager.default.fileExists(atPath: sandbox.store + "/.git/biostore/journal"))
    #expect(try sandbox.git("show", "HEAD:biosketch.md").stdout == "Four.\n")
    #expect(try sandbox.git("fsck", "--strict").status == 0)
  }

  @Test func aJournalThatNoWriteCouldHaveLeftMovesNoReferenceAndDeletesNoFile() throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    func id(_ name: String) throws -> String {
      try sandbox.git("rev-parse", name).stdout.trimmingCharacters(in: .newlines)
    }
    let (tip, parent, blob) = (try id("HEAD"), try id("HEAD~1"), try id("HEAD:biosketch.md"))
    // The branch named twice (the first already "done"), a tag and a branch of a blob, a deletion.
    let journal = """
      {"changes":[{"variant":"biosketch","oldBlob":"\(blob)"}],"references":[\
      {"name":"refs/heads/main","new":"\(tip)"},{"name":"refs/heads/main","old":"\(tip)","new":"\(parent)"},\
      {"name":"refs/tags/engagements/evil","new":"\(parent)"},{"name":"refs/heads/x","new":"\(blob)"}]}
      """
    try journal.write(
      toFile: sandbox.store + "/.git/biostore/journal", atomically: true, encoding: .utf8)

    let listed = try sandbox.biostore("list")

    #expect(listed.status == 0)
    #expect(listed.stderr.contains("dropped a write journal"))
    #expect(try id("HEAD") == tip)
    #expect(try sandbox.git("for-each-ref", "--format=%(refname)").stdout == "refs/heads/main\n")
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
    #expect(try sandbox.git("fsck", "--strict").status == 0)
  }

  @Test func aHistoryListingCopiedToAnotherVariantsFileIsNotBelieved() throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    try #require(
      try sandbox.biostore("save", "statement", "-m", "Statement", stdin: "Research.\n").status
        == 0)
    let biosketch = try sandbox.biostore("history", "biosketch")
    let statement = try sandbox.biostore("history", "statement")
    try #require(biosketch.stdout != statement.stdout)
    let index = sandbox.store + "/.git/biostore/index/"
    let copied = try Data(contentsOf: URL(fileURLWithPath: index + "biosketch.listing"))
    try copied.write(to: URL(fileURLWithPath: index + "statement.listing"))

    let again = try sandbox.biostore("history", "statement")

    #expect(again.stdout == statement.stdout)
    #expect(!again.stdout.contains("Bio 2019"))
  }

  @Test func anAttributesFileThatIsALinkStopsAWriteRatherThanLeavingTheStoreDirty() throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    let attributes = sandbox.store + "/.git/info/attributes"
    let elsewhere = sandbox.root.appendingPathComponent("attributes").path
    try FileManager.default.moveItem(atPath: attributes, toPath: elsewhere)
    try FileManager.default.createSymbolicLink(atPath: attributes, withDestinationPath: elsewhere)
    let before = try String(contentsOfFile: elsewhere, encoding: .utf8)
    let tip = try sandbox.git("rev-parse", "HEAD").stdout

    let saved = try sandbox.biostore("save", "biosketch", stdin: "Four.\n")

    #expect(saved.status == 1)
    #expect(saved.stderr.hasPrefix("biostore: error: \(attributes) is a symbolic link"))
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == tip)
    #expect(try String(contentsOfFile: elsewhere, encoding: .utf8) == before)
  }

  @Test func aLaterAttributesLineCannotTurnFiltersBackOnForVariantFiles() throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    let attributes = sandbox.store + "/.git/info/attributes"
    let before = try String(contentsOfFile: attributes, encoding: .utf8)
    try (before + "*.md filter=upper\n").write(
      toFile: attributes, atomically: true, encoding: .utf8)
    try #require(try sandbox.git("config", "filter.upper.clean", "tr a-z A-Z").status == 0)
    try #require(try sandbox.git("config", "filter.upper.smudge", "cat").status == 0)

    let saved = try sandbox.biostore("save", "biosketch", stdin: "four lower words.\n")

    #expect(saved.status == 0, "\(saved.stderr)")
    #expect(
      try sandbox.git("check-attr", "filter", "biosketch.md").stdout
        == "biosketch.md: filter: unset\n")
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
    #expect(try sandbox.git("show", "HEAD:biosketch.md").stdout == "four lower words.\n")
    let after = try String(contentsOfFile: attributes, encoding: .utf8)
    #expect(after.contains("*.md filter=upper\n"))
    #expect(after.hasSuffix("/*.md -text -eol -ident -filter -working-tree-encoding\n"))
  }
}

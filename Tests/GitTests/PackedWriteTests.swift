import Foundation
import Git
import Testing

/// Trees biostore formats itself are the ones stock git writes, and writes inside `writingOnePack` land as one packfile git reads.
@Suite struct PackedWriteTests {
  /// A committed tree with a folder, an executable, names that sort differently as folders, and a name that is not UTF-8.
  func folderWithAwkwardNames() throws -> GitFolder {
    let folder = try GitFolder()
    let files = ["a/x.md", "a.md", "a-b.md", "a0.md", "run.sh"]
    for file in files {
      let url = URL(fileURLWithPath: folder.path + "/" + file)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("Text of \(file).\n".utf8).write(to: url)
    }
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: folder.path + "/run.sh")
    // Latin-1 "café.md": git keeps a name's bytes, and so must a tree written on top of it.
    var latin1 =
      Array((folder.path + "/caf").utf8CString.dropLast()) + [CChar(bitPattern: 0xE9)]
      + Array(".md".utf8CString)
    let descriptor = creat(&latin1, 0o644)
    try #require(descriptor >= 0)
    close(descriptor)
    try folder.git(["add", "-A"])
    try folder.git("commit", "-q", "-m", "Files")
    return folder
  }

  /// The tree stock git writes for HEAD's tree with `adding` set to `blob` and `removing` taken out.
  func gitsTree(_ folder: GitFolder, adding: [String], blob: String, removing: [String]) throws
    -> String
  {
    try folder.git("read-tree", "HEAD")
    for name in adding {
      try folder.git("update-index", "--add", "--cacheinfo", "100644,\(blob),\(name)")
    }
    for name in removing { try folder.git("update-index", "--force-remove", name) }
    return try folder.git("write-tree")
  }

  @Test func aTreeWrittenOnABaseIsTheTreeStockGitWrites() throws {
    let folder = try folderWithAwkwardNames()
    defer { folder.remove() }
    let repository = try Repository(openingAt: folder.path)
    let base = try #require(ObjectID(hex: try folder.git("rev-parse", "HEAD^{tree}")))
    let blob = try repository.writeBlob(Array("New.\n".utf8))
    let adding = ["a.c", "a-a.md", "a.md", "b.md"]

    let ours = try repository.writeTree(
      base: base,
      changes: Dictionary(uniqueKeysWithValues: adding.map { ($0, blob) } + [("a-b.md", nil)]))

    let theirs = try gitsTree(folder, adding: adding, blob: "\(blob)", removing: ["a-b.md"])
    #expect("\(ours)" == theirs)
    #expect(try folder.git("ls-tree", "--name-only", "\(ours)").contains("caf\\351.md"))
  }

  @Test func writesInsideOnePackAreOnePackfileThatGitChecksClean() throws {
    let folder = try folderWithAwkwardNames()
    defer { folder.remove() }
    let repository = try Repository(openingAt: folder.path)
    let head = try #require(ObjectID(hex: try folder.git("rev-parse", "HEAD")))
    let loose = try folder.git("count-objects")
    let signature = Signature(
      name: "A", email: "a@example.org", time: 1_712_607_138, offsetMinutes: 60)

    let tip = try repository.writingOnePack { (batch) throws(GitError) -> ObjectID in
      var parent = head
      var tree = try batch.commit(head).treeID
      for number in 1...50 {
        let blob = try batch.writeBlob(Array("Version \(number).\n".utf8))
        tree = try batch.writeTree(base: tree, changes: ["bio.md": blob])
        parent = try batch.createCommit(
          tree: tree, parents: [parent], author: signature, committer: signature,
          message: "Version \(number)\n")
      }
      return parent
    }
    try repository.updateReference(
      "refs/heads/main", to: tip, expecting: head, logMessage: "test")

    #expect(try folder.git("count-objects") == loose)
    let counts = try folder.git("count-objects", "-v")
    #expect(counts.contains("in-pack: 150\n"))
    #expect(counts.contains("packs: 1\n"))
    #expect(try folder.git("fsck", "--strict", "--no-dangling").isEmpty)
    #expect(try folder.git("show", "main:bio.md") == "Version 50.")
    #expect(try folder.git("rev-list", "--count", "main") == "52")
  }

  @Test func aThrowingBodyStoresNothing() throws {
    let folder = try GitFolder()
    defer { folder.remove() }
    let repository = try Repository(openingAt: folder.path)
    let before = try folder.git("count-objects", "-v")

    #expect(throws: GitError.self) {
      try repository.writingOnePack { (batch) throws(GitError) in
        _ = try batch.writeBlob(Array("Never stored.\n".utf8))
        _ = try batch.writeTree(base: nil, changes: ["a/b.md": nil])
      }
    }

    #expect(try folder.git("count-objects", "-v") == before)
  }
}

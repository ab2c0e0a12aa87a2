import Foundation
import Git
import Testing

/// A fresh repository in a temporary folder, removed afterwards.
private func withTemporaryRepository(_ body: (Repository, String) throws -> Void) throws {
  try GitLibrary.setConfigSearchPath("")
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("git-tests-\(UUID().uuidString)").path
  defer { try? FileManager.default.removeItem(atPath: path) }
  try body(try Repository.create(at: path, initialBranch: "main"), path)
}

private let author = Signature(
  name: "Ada", email: "ada@example.org", time: 1_712_607_138, offsetMinutes: -420)

@Suite struct RepositoryTests {
  @Test func aNewRepositoryHasAnUnbornMainBranch() throws {
    try withTemporaryRepository { (repository, _) throws in
      #expect(try repository.symbolicTarget(of: "HEAD") == "refs/heads/main")
      #expect(try repository.referenceTarget("refs/heads/main") == nil)
      #expect(repository.workDirectory != nil)
    }
  }

  @Test func aCommitWrittenFromABlobReadsBackWithItsDatesAndFile() throws {
    try withTemporaryRepository { (repository, _) throws in
      let blob = try repository.writeBlob(Array("Hello\n".utf8))
      let tree = try repository.writeTree(base: nil, changes: ["bio.md": blob])

      let id = try repository.createCommit(
        tree: tree, parents: [], author: author, committer: author, message: "First\n")
      let commit = try repository.commit(id)

      #expect(commit.author == author)
      #expect(commit.message == "First\n")
      #expect(commit.parentIDs.isEmpty)
      #expect(try repository.treeEntries(commit.treeID).map(\.name) == ["bio.md"])
      #expect(try repository.blob(blob) == Array("Hello\n".utf8))
      #expect(try Repository.blobID(of: Array("Hello\n".utf8)) == blob)
    }
  }

  @Test func treeChangesAddAndRemoveEntriesOnTopOfABase() throws {
    try withTemporaryRepository { (repository, _) throws in
      let one = try repository.writeBlob(Array("one".utf8))
      let two = try repository.writeBlob(Array("two".utf8))
      let base = try repository.writeTree(base: nil, changes: ["a.md": one, "b.md": one])

      let changed = try repository.writeTree(base: base, changes: ["a.md": nil, "c.md": two])

      #expect(try repository.treeEntries(changed).map(\.name) == ["b.md", "c.md"])
    }
  }

  @Test func aReferenceUpdateRefusesWhenTheBranchMovedMeanwhile() throws {
    try withTemporaryRepository { (repository, _) throws in
      let tree = try repository.writeTree(base: nil, changes: [:])
      let first = try repository.createCommit(
        tree: tree, parents: [], author: author, committer: author, message: "1\n")
      let second = try repository.createCommit(
        tree: tree, parents: [first], author: author, committer: author, message: "2\n")
      try repository.updateReference("refs/heads/main", to: first, expecting: nil, logMessage: "t")

      #expect(throws: GitError.self) {
        try repository.updateReference(
          "refs/heads/main", to: second, expecting: nil, logMessage: "t")
      }
      #expect(throws: GitError.self) {
        try repository.updateReference(
          "refs/heads/main", to: second, expecting: second, logMessage: "t")
      }
      try repository.updateReference(
        "refs/heads/main", to: second, expecting: first, logMessage: "t")
      #expect(try repository.referenceTarget("refs/heads/main") == second)
    }
  }

  @Test func aCommitIsFoundByAUniquePrefixAndAnUnknownOneIsNotFound() throws {
    try withTemporaryRepository { (repository, _) throws in
      let tree = try repository.writeTree(base: nil, changes: [:])
      let id = try repository.createCommit(
        tree: tree, parents: [], author: author, committer: author, message: "1\n")

      #expect(try repository.commitID(prefix: String(id.hex.prefix(7))) == id)
      let missing = id.hex.hasPrefix("0000000") ? "1111111" : "0000000"
      #expect {
        try repository.commitID(prefix: missing)
      } throws: { ($0 as? GitError)?.kind == .notFound }
    }
  }

  @Test func openingAFolderThatIsNoRepositoryFails() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }

    #expect(throws: GitError.self) { try Repository(openingAt: path) }
  }
}

import Foundation
import Git
import Testing

/// `ReferenceFiles` agrees with libgit2 on ordinary repositories, loose or packed, and gives up on anything else.
@Suite struct ReferenceFilesTests {
  @Test func packedAndLooseReferencesReadAsLibgit2ReadsThem() throws {
    let folder = try GitFolder()
    defer { folder.remove() }
    try folder.git("tag", "-a", "engagements/old", "-m", "Old")
    try folder.git("pack-refs", "--all")
    // A loose ref wins over its packed line; a new tag is loose; a .lock file is a write in flight.
    try folder.git("commit", "-q", "--allow-empty", "-m", "Second")
    try folder.git("tag", "-a", "engagements/new", "-m", "New")
    try folder.git("tag", "-f", "-a", "engagements/old", "-m", "Old, moved")
    try "0000".write(
      toFile: folder.path + "/.git/refs/tags/engagements/half.lock", atomically: false,
      encoding: .utf8)
    let repository = try Repository(openingAt: folder.path)

    let files = try #require(ReferenceFiles(workTree: folder.path))
    let tags = try #require(files.targets(under: "refs/tags/engagements/"))
    let expected = try repository.referenceTargets(under: "refs/tags/engagements/")

    #expect(files.headBranch() == "refs/heads/main")
    #expect(
      files.target(of: "refs/heads/main") == (try repository.referenceTarget("refs/heads/main")))
    #expect(files.target(of: "refs/heads/main")?.hex == (try folder.git("rev-parse", "main")))
    #expect(tags.map(\.name) == ["refs/tags/engagements/new", "refs/tags/engagements/old"])
    #expect(tags.map(\.name) == expected.map(\.name))
    #expect(tags.map(\.target) == expected.map(\.target))
  }

  @Test func aDetachedHeadASymbolicTagOrADamagedPackedRefsFileGetsNoAnswer() throws {
    let folder = try GitFolder()
    defer { folder.remove() }
    try folder.git("tag", "engagements/plain")
    try folder.git("pack-refs", "--all")
    try folder.git("checkout", "-q", "--detach")
    try folder.git("symbolic-ref", "refs/tags/engagements/alias", "refs/heads/main")
    let files = try #require(ReferenceFiles(workTree: folder.path))

    #expect(files.headBranch() == nil)
    #expect(files.targets(under: "refs/tags/engagements/") == nil)

    try "not a packed-refs line\n".write(
      toFile: folder.path + "/.git/packed-refs", atomically: false, encoding: .utf8)
    let damaged = try #require(ReferenceFiles(workTree: folder.path))
    #expect(damaged.target(of: "refs/heads/main") == nil)
  }

  @Test func aBareRepositoryOrAGitFileIsNotRead() throws {
    let folder = try GitFolder()
    defer { folder.remove() }
    let linked = folder.path + "/linked"
    try FileManager.default.createDirectory(atPath: linked, withIntermediateDirectories: true)
    try "gitdir: \(folder.path)/.git\n".write(
      toFile: linked + "/.git", atomically: false, encoding: .utf8)

    #expect(ReferenceFiles(workTree: linked) == nil)
    try folder.git("config", "core.bare", "true")
    #expect(ReferenceFiles(workTree: folder.path) == nil)
    #expect(ReferenceFiles(workTree: folder.path + "/missing") == nil)
  }

  /// Shapes of `packed-refs` (with `main` only packed) that libgit2 reads differently from a plain scan, or refuses.
  static let uncertainPackedFiles: [String] = [
    "duplicate, older first", "duplicate, newer first", "duplicate under the sorted trait",
    "not sorted", "a blank line", "no final line break", "a carriage return",
    "a comment after the lines", "a peeled line first",
  ]

  @Test(arguments: uncertainPackedFiles)
  func aPackedRefsFileItCannotBeSureToReadAsLibgit2DoesGetsNoAnswer(shape: String) throws {
    let folder = try GitFolder()
    defer { folder.remove() }
    let older = try folder.git("rev-parse", "HEAD")
    try folder.git("commit", "-q", "--allow-empty", "-m", "Second")
    let newer = try folder.git("rev-parse", "HEAD")
    try folder.git("pack-refs", "--all")
    let header = "# pack-refs with: peeled fully-peeled sorted \n"
    let text =
      switch shape {
      case "duplicate, older first": "\(older) refs/heads/main\n\(newer) refs/heads/main\n"
      case "duplicate, newer first": "\(newer) refs/heads/main\n\(older) refs/heads/main\n"
      case "duplicate under the sorted trait":
        header + "\(older) refs/heads/main\n\(newer) refs/heads/main\n"
      case "not sorted": header + "\(newer) refs/heads/main\n\(older) refs/heads/a\n"
      case "a blank line": "\(newer) refs/heads/main\n\n"
      case "no final line break": "\(newer) refs/heads/main"
      case "a carriage return": "\(newer) refs/heads/main\r\n"
      case "a comment after the lines": "\(newer) refs/heads/main\n# note\n"
      default: "^\(older)\n\(newer) refs/heads/main\n"
      }

    try text.write(
      toFile: folder.path + "/.git/packed-refs", atomically: false, encoding: .utf8)
    let files = try #require(ReferenceFiles(workTree: folder.path))

    #expect(files.target(of: "refs/heads/main") == nil)
    #expect(files.targets(under: "refs/tags/") == nil)
  }

  @Test func aLooseFileThatIsEmptyOrPartGetsNoAnswerEvenWithAPackedLine() throws {
    let folder = try GitFolder()
    defer { folder.remove() }
    try folder.git("pack-refs", "--all")
    try folder.git("commit", "-q", "--allow-empty", "-m", "Second")
    let loose = folder.path + "/.git/refs/heads/main"
    let tip = try folder.git("rev-parse", "HEAD")

    try "".write(toFile: loose, atomically: false, encoding: .utf8)
    let empty = try #require(ReferenceFiles(workTree: folder.path)).target(of: "refs/heads/main")
    try String(tip.prefix(20)).write(toFile: loose, atomically: false, encoding: .utf8)
    let part = try #require(ReferenceFiles(workTree: folder.path)).target(of: "refs/heads/main")
    try (tip + "\n").write(toFile: loose, atomically: false, encoding: .utf8)
    let whole = try #require(ReferenceFiles(workTree: folder.path)).target(of: "refs/heads/main")

    #expect(empty == nil)
    #expect(part == nil)
    #expect(whole?.hex == tip)
    #expect(whole == (try Repository(openingAt: folder.path).referenceTarget("refs/heads/main")))
  }

  @Test func aPackedLineUnderALooseFileIsOverriddenAsLibgit2OverridesIt() throws {
    let folder = try GitFolder()
    defer { folder.remove() }
    try folder.git("tag", "engagements/talk")
    try folder.git("pack-refs", "--all")
    try folder.git("commit", "-q", "--allow-empty", "-m", "Second")
    try folder.git("tag", "-f", "engagements/talk")
    let repository = try Repository(openingAt: folder.path)

    let files = try #require(ReferenceFiles(workTree: folder.path))
    let tags = try #require(files.targets(under: "refs/tags/engagements/"))

    #expect(
      files.target(of: "refs/heads/main") == (try repository.referenceTarget("refs/heads/main")))
    #expect(
      tags.map(\.target)
        == (try repository.referenceTargets(under: "refs/tags/engagements/")).map(\.target))
    #expect(tags.first?.target.hex == (try folder.git("rev-parse", "HEAD")))
  }
}

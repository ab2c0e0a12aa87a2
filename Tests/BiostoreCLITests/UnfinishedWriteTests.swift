import Foundation
import Testing

/// End-to-end: once the branch has moved a write is reported as recorded, and what could not be finished is a warning the next command finishes.
@Suite struct UnfinishedWriteTests {
  func store() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "First.\n").status == 0)
    return sandbox
  }

  /// Leaves `.git/index.lock` as a git process that died (or is still running) would, aged so the next command may treat it as stale.
  func holdIndexLock(_ sandbox: Sandbox) throws {
    let lock = sandbox.store + "/.git/index.lock"
    _ = FileManager.default.createFile(atPath: lock, contents: Data())
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: lock)
  }

  @Test func aSaveWhileGitsIndexIsLockedIsRecordedWithAWarningNotAnError() throws {
    let sandbox = try store()
    try holdIndexLock(sandbox)

    let outcome = try sandbox.biostore("save", "bio", stdin: "Second.\n")

    #expect(outcome.status == 0)
    #expect(outcome.stdout.hasPrefix("Saved bio"))
    #expect(!outcome.stderr.contains("error"))
    #expect(
      outcome.stderr.contains("biostore: warning: recorded, but git's index could not be updated"))
    #expect(outcome.stderr.contains("the next biostore command"))
    #expect(try sandbox.git("show", "HEAD:bio.md").stdout == "Second.\n")
    #expect(try String(contentsOfFile: sandbox.store + "/bio.md", encoding: .utf8) == "Second.\n")
  }

  @Test func theNextCommandReadOrWriteBringsTheIndexInLine() throws {
    let sandbox = try store()
    try holdIndexLock(sandbox)
    try #require(try sandbox.biostore("save", "bio", stdin: "Second.\n").status == 0)

    let next = try sandbox.biostore("list")

    #expect(next.status == 0)
    #expect(next.stderr == "")
    #expect(!FileManager.default.fileExists(atPath: sandbox.store + "/.git/index.lock"))
    #expect(!FileManager.default.fileExists(atPath: sandbox.store + "/.git/biostore/journal"))
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
    #expect(try sandbox.git("fsck", "--strict").status == 0)
  }

  @Test func aWriteWhoseBranchNeverMovedIsForgottenAndSaysNothingWasRecorded() throws {
    let sandbox = try store()
    let head = try sandbox.git("rev-parse", "HEAD").stdout
    // A branch lock held by a live process: libgit2 cannot move the branch.
    let lock = sandbox.store + "/.git/refs/heads/main.lock"
    _ = FileManager.default.createFile(atPath: lock, contents: Data())
    defer { unlink(lock) }

    let outcome = try sandbox.biostore("save", "bio", stdin: "Second.\n")

    #expect(outcome.status == 1)
    #expect(outcome.stderr.hasPrefix("biostore: error: "))
    #expect(outcome.stderr.contains("nothing was") || outcome.stderr.contains("nothing was saved"))
    #expect(!outcome.stderr.contains("warning"))
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
    #expect(try String(contentsOfFile: sandbox.store + "/bio.md", encoding: .utf8) == "First.\n")
  }
}

import Foundation
import Testing

/// End-to-end: writes are refused while the work tree is not the branch's: a detached `HEAD`, or a merge or cherry-pick half done.
@Suite struct CheckedOutBranchTests {
  func store() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "First.\n").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "Second.\n").status == 0)
    return sandbox
  }

  @Test func aDetachedHeadRefusesEveryWriteAndSaysHowToGetBack() throws {
    let sandbox = try store()
    try #require(try sandbox.git("checkout", "-q", "HEAD~1").status == 0)
    let main = try sandbox.git("rev-parse", "main").stdout
    let text = try sandbox.file("third.md", "Third.\n")

    let outcomes = [
      try sandbox.biostore("save", "bio", "--file", text),
      try sandbox.biostore("save", "bio"),
      try sandbox.biostore("tag", "talk", "bio"),
      try sandbox.biostore("rm", "bio"),
    ]

    for outcome in outcomes {
      #expect(outcome.status == 1)
      #expect(outcome.stderr.contains("detached"))
      #expect(outcome.stderr.contains("checkout main"))
      #expect(outcome.stderr.split(separator: "\n").count == 1)
    }
    #expect(try sandbox.git("rev-parse", "main").stdout == main)
    #expect(try sandbox.git("tag").stdout == "")
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
    try #require(try sandbox.git("checkout", "-q", "main").status == 0)
    #expect(try sandbox.biostore("save", "bio", "--file", text).status == 0)
    #expect(try sandbox.git("show", "main:bio.md").stdout == "Third.\n")
  }

  @Test(arguments: ["merge", "cherry-pick"])
  func aHalfDoneGitOperationRefusesWritesUntilItIsFinished(operation: String) throws {
    let sandbox = try store()
    try #require(try sandbox.git("checkout", "-q", "-b", "side", "HEAD~1").status == 0)
    try "Side text.\n".write(toFile: sandbox.store + "/bio.md", atomically: true, encoding: .utf8)
    try #require(try sandbox.git("commit", "-qam", "side edit").status == 0)
    try #require(try sandbox.git("checkout", "-q", "main").status == 0)
    try #require(try sandbox.git(operation, "side").status != 0)
    let main = try sandbox.git("rev-parse", "main").stdout

    let outcome = try sandbox.biostore("save", "other", stdin: "Other.\n")

    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("a git \(operation) is in progress"))
    #expect(outcome.stderr.contains("git \(operation) --abort"))
    #expect(try sandbox.git("rev-parse", "main").stdout == main)
    try #require(try sandbox.git(operation, "--abort").status == 0)
    #expect(try sandbox.biostore("save", "other", stdin: "Other.\n").status == 0)
  }
}

import Foundation
import Testing

/// End-to-end: a plain `show VARIANT` answered from the kept latest text prints exactly what stock git holds at the tip, follows commits made with stock git, and never believes a kept text edited by hand.
@Suite struct LatestTextCacheTests {
  @Test func theKeptTextIsGitsAndFollowsTheTip() throws {
    let sandbox = try Sandbox.withSampleStore()
    let cold = try sandbox.biostore("show", "biosketch")
    let warm = try sandbox.biostore("show", "biosketch")
    let atTip = try sandbox.git("show", "main:biosketch.md").stdout
    try "Edited with stock git.\n".write(
      toFile: sandbox.store + "/biosketch.md", atomically: true, encoding: .utf8)
    try #require(try sandbox.git("commit", "-qam", "By hand").status == 0)
    let afterGit = try sandbox.biostore("show", "biosketch")
    try #require(try sandbox.biostore("rm", "biosketch").status == 0)
    let removed = try sandbox.biostore("show", "biosketch")

    #expect(cold.status == 0 && warm.stdoutBytes == cold.stdoutBytes)
    #expect(warm.stdoutBytes == Array(atTip.utf8))
    #expect(afterGit.stdout == "Edited with stock git.\n")
    #expect(removed.status == 1 && removed.stdout.isEmpty)
  }

  @Test func aKeptTextEditedByHandIsReadAgainFromGit() throws {
    let sandbox = try Sandbox.withSampleStore()
    let first = try sandbox.biostore("show", "biosketch").stdout
    let kept = sandbox.store + "/.git/biostore/index/biosketch.latest"
    let text = try String(contentsOfFile: kept, encoding: .utf8)
    try text.replacingOccurrences(of: "Principal", with: "Chief").write(
      toFile: kept, atomically: true, encoding: .utf8)

    let again = try sandbox.biostore("show", "biosketch")

    #expect(again.stdout == first && !again.stdout.contains("Chief"))
    #expect(again.stdout == (try sandbox.git("show", "main:biosketch.md").stdout))
  }
}

import Foundation
import Testing

/// End-to-end: `biostore diff` and `history` counts on temporary stores, checked with stock git.
@Suite struct DiffTests {
  let before = """
    > Glenn K. Lockwood is a product manager for Microsoft Azure Storage,
    > where he works on storage for AI supercomputers.

    He was a storage architect at NERSC.

    """

  /// `after` is `before` re-wrapped to another width, with `Principal` inserted.
  let after = """
    > Glenn K. Lockwood is a product manager for
    > Microsoft Azure Storage, where he works on storage
    > for AI supercomputers.

    He was a Principal storage architect at NERSC.

    """

  func store(with texts: String...) throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    for (year, text) in zip(2020..., texts) {
      try #require(
        try sandbox.biostore("save", "biosketch", "--date", "\(year)", stdin: text).status == 0)
    }
    return sandbox
  }

  @Test func rewrappingAndInsertingOneWordShowsOnlyThatWord() throws {
    let sandbox = try store(with: before, after)

    let plain = try sandbox.biostore("diff", "biosketch@2020", "biosketch")
    let stat = try sandbox.biostore("diff", "biosketch~1", "biosketch", "--stat")
    let history = try sandbox.biostore("history", "biosketch")

    #expect(plain.status == 0)
    #expect(plain.stdout == after.replacingOccurrences(of: "Principal", with: "{+Principal+}"))
    #expect(stat.stdout == "biosketch  +1 −0 words  (26 → 27 words)\n")
    #expect(history.stdout.split(separator: "\n").first?.contains("27 words  +1 −0") == true)
  }

  @Test func aLayoutOnlyChangeSaysSoAndIsNotADifferenceForExitCode() throws {
    let rewrapped = after.replacingOccurrences(of: "Principal ", with: "")
    let sandbox = try store(with: before, rewrapped)

    let diff = try sandbox.biostore("diff", "biosketch~1", "biosketch", "--exit-code")
    let same = try sandbox.biostore("diff", "biosketch", "biosketch")

    #expect(diff.status == 0)
    #expect(diff.stdout == "no change in wording; layout only\n")
    #expect(same.stdout == "no change in wording\n")
  }

  @Test func exitCodeIsOneWhenTheWordingDiffers() throws {
    let sandbox = try store(with: before, after)

    let diff = try sandbox.biostore("diff", "biosketch~1", "biosketch", "--exit-code", "--stat")

    #expect(diff.status == 1)
    #expect(diff.stdout.hasPrefix("biosketch  +1 −0"))
    #expect(diff.stderr.isEmpty)
  }

  @Test func jsonChangesRebuildTheNewTextAsGitHasIt() throws {
    let sandbox = try store(with: before, after)
    let newID = try sandbox.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .newlines)
    let oldID = try sandbox.git("rev-parse", "HEAD~1").stdout.trimmingCharacters(in: .newlines)

    let diff = try sandbox.biostore("diff", "biosketch~1", "biosketch", "--json")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [[String: Any]])
    let entry = try #require(entries.first)
    let changes = try #require(entry["changes"] as? [[String: String]])
    let rebuilt = changes.filter { $0["op"] != "delete" }.compactMap { $0["text"] }.joined()

    #expect(entries.count == 1)
    #expect(entry["variant"] as? String == "biosketch")
    #expect((entry["from"] as? [String: Any])?["id"] as? String == oldID)
    #expect((entry["to"] as? [String: Any])?["id"] as? String == newID)
    #expect((entry["to"] as? [String: Any])?["date"] as? String == "2021-01-01T00:00:00-08:00")
    #expect(entry["added"] as? Int == 1 && entry["removed"] as? Int == 0)
    #expect(rebuilt == (try sandbox.git("show", "\(newID):biosketch.md").stdout))
    #expect(changes.contains { $0["op"] == "insert" && $0["text"] == " Principal" })
  }

  @Test func theLineDiffAppliesWithGitApply() throws {
    let sandbox = try store(with: before, after)
    let patch = try sandbox.biostore("diff", "biosketch~1", "biosketch", "--lines")
    let patchFile = try sandbox.file("change.patch", patch.stdout)

    let reverse = try sandbox.git("apply", "-R", patchFile)
    let reverted = try String(contentsOfFile: sandbox.store + "/biosketch.md", encoding: .utf8)
    try sandbox.git("checkout", "--", "biosketch.md")

    #expect(patch.stdout.hasPrefix("--- a/biosketch.md\n+++ b/biosketch.md\n@@ -1,4 +1,5 @@\n"))
    #expect(reverse.status == 0, "\(reverse.stderr)")
    #expect(reverted == before)
  }

  @Test func contextShowsOnlyTheChangedParagraphAndMarksTheGap() throws {
    let sandbox = try store(with: before, after)

    let diff = try sandbox.biostore("diff", "biosketch~1", "biosketch", "--context", "0")

    #expect(
      diff.stdout
        == "[… 1 unchanged paragraph …]\n\nHe was a {+Principal+} storage architect at NERSC.\n")
  }

  @Test func theLargestContextShowsEveryParagraphRatherThanTrapping() throws {
    let sandbox = try store(with: before, after)

    let whole = try sandbox.biostore("diff", "biosketch~1", "biosketch")
    let widest = try sandbox.biostore(
      "diff", "biosketch~1", "biosketch", "--context", String(Int.max))

    #expect(widest.status == 1 || widest.status == 0, "\(widest.stderr)")
    #expect(widest.stderr == "")
    #expect(widest.stdout == whole.stdout)
  }

  @Test func colourIsLeftOutWhenNotATerminalOrWhenNoColorIsSet() throws {
    let sandbox = try store(with: before, after)

    let plain = try sandbox.biostore(
      "diff", "biosketch~1", "biosketch", extraEnvironment: ["NO_COLOR": "1"])

    #expect(!plain.stdout.contains("\u{1B}["))
    #expect(plain.stdout.contains("{+Principal+}"))
  }

  @Test(arguments: [
    (["diff", "biosketch"], 2),
    (["diff", "biosketch", "biosketch", "--stat", "--json"], 2),
    (["diff", "biosketch", "biosketch", "--context", "-1"], 2),
    (["diff", "biosketch", "nothing"], 1),
    (["diff", "biosketch@2019", "biosketch"], 1),
    (["diff", "Bio", "biosketch"], 2),
  ])
  func badDiffsAreRefusedInOneLine(_ example: ([String], Int)) throws {
    let sandbox = try store(with: before)

    let outcome = try sandbox.biostore(example.0, stdinBytes: [])

    #expect(outcome.status == Int32(example.1))
    #expect(outcome.stderr.hasPrefix("biostore: error: "))
    #expect(outcome.stderr.split(separator: "\n").count == 1)
    #expect(outcome.stdout.isEmpty)
  }
}

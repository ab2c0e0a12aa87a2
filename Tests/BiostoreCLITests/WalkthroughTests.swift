import Foundation
import Testing

/// End-to-end: the README's walkthrough runs as written and leaves the store it describes, and the demo's fixed recording moment gives the README's commit ids.
@Suite struct WalkthroughTests {
  /// The shell block under "Walkthrough on your own store" in README.md.
  func walkthrough() throws -> [String] {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let section = try #require(
      text.components(separatedBy: "## Walkthrough on your own store").last)
    let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first)
    let lines = try #require(block.components(separatedBy: "\n```").first)
    return lines.components(separatedBy: "\n")
  }

  @Test func theReadmesWalkthroughRunsAsWritten() throws {
    let sandbox = try Sandbox()
    var lines = try walkthrough()
    // The first line builds the release binary; the test puts the binary under test on PATH instead.
    #expect(lines.first?.hasPrefix("swift build -c release") == true)
    let binaryFolder = URL(fileURLWithPath: Sandbox.binary).deletingLastPathComponent().path
    lines[0] = "export PATH='\(binaryFolder)':\"$PATH\""
    // Afterwards, say where the store is, so the test can read it with stock git.
    lines.append("echo \"STORE=$BIOSTORE_DIR\"")

    let outcome = try sandbox.shell(
      lines.joined(separator: "\n"), extraEnvironment: ["TMPDIR": sandbox.root.path])
    let store = try #require(
      outcome.stdout.components(separatedBy: "STORE=").last?.trimmingCharacters(in: .newlines))

    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("{+Principal Engineer at Microsoft+}"))
    #expect(outcome.stdout.contains("sc24-tpc  SC24 Technical Program Committee"))
    #expect(outcome.stdout.contains("renamed short to speaker-50w"))
    #expect(outcome.stdout.contains("Imported 1 version of about"))
    let log = try sandbox.git(in: store, ["log", "--format=%as %s"]).stdout
    #expect(log.contains("2019-12-02 At NERSC\n"))
    #expect(log.contains("2022-06-15 Azure Storage PM\n"))
    #expect(
      try sandbox.git(in: store, ["tag", "-l"]).stdout
        == "engagements/hpc-talk-2022\nengagements/sc24-tpc\n")
    #expect(try sandbox.git(in: store, ["fsck", "--strict"]).status == 0)
    #expect(
      FileManager.default.fileExists(
        atPath: URL(fileURLWithPath: store).deletingLastPathComponent().path
          + "/bios-backup/engagements.yaml"))
  }

  @Test func sourceDateEpochFixesTheRecordingMomentSoIDsRepeat() throws {
    var tips: [String] = []
    for _ in 0..<2 {
      let sandbox = try Sandbox()
      let fixed = ["SOURCE_DATE_EPOCH": "1767225600"]
      try #require(try sandbox.biostore("init").status == 0)
      try #require(
        try sandbox.biostore(
          "save", "biosketch", "--date", "2019-12-02", stdin: "At NERSC.\n", extraEnvironment: fixed
        ).status == 0)
      try #require(
        try sandbox.biostore("tag", "talk", "biosketch", extraEnvironment: fixed).status == 0)
      #expect(
        try sandbox.git("log", "-1", "--format=%cI %aI").stdout
          == "2026-01-01T00:00:00+00:00 2019-12-02T00:00:00-08:00\n")
      #expect(
        try sandbox.git("for-each-ref", "--format=%(taggerdate:iso-strict)", "refs/tags/").stdout
          == "2026-01-01T00:00:00+00:00\n")
      tips.append(try sandbox.git("rev-parse", "HEAD", "engagements/talk").stdout)
      // Running twice in one second would give equal ids anyway; a second apart shows the fixed moment at work.
      Thread.sleep(forTimeInterval: 1.1)
    }
    #expect(tips[0] == tips[1])
  }
}

import Foundation
import Testing

/// End-to-end: `grep`, `trace`, `fits` and `stale` answer on a phrase's words, where stock `git log -S` (the oracle for what git says) is fooled by re-wrapping; counting rules agree with pretalx's own regex, run in Python.
@Suite struct PhraseTests {
  /// A store whose biosketch has three versions: v2 only re-wraps v1, v3 changes the title.
  func threeVersions() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let versions = [
      (
        "2023-01-01", "v1",
        "Glenn is a Product Manager at Microsoft, where he\nbuilt a 30+ PB file system.\n"
      ),
      (
        "2023-06-01", "v2",
        "Glenn is a Product\nManager at Microsoft, where he built a 30+\nPB file system.\n"
      ),
      (
        "2024-04-08", "v3",
        "Glenn is a Principal Engineer at Microsoft, where he built a 30+\nPB file system.\n"
      ),
    ]
    for (date, message, text) in versions {
      try #require(
        try sandbox.biostore("save", "biosketch", "--date", date, "-m", message, stdin: text).status
          == 0)
    }
    return sandbox
  }

  /// The versions `trace --json` names for `phrase`, as `change date` lines.
  func traced(_ sandbox: Sandbox, _ phrase: String) throws -> [String] {
    let outcome = try sandbox.biostore("trace", phrase, "--json")
    let traces = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    return traces.flatMap { trace in
      (trace["changes"] as? [[String: Any]] ?? []).map {
        "\($0["change"] ?? "") \(String(describing: $0["date"] ?? "").prefix(10))"
      }
    }
  }

  @Test func traceIgnoresARewrapWhereGitLogDashSIsFooled() throws {
    let sandbox = try threeVersions()

    let gitTitle = try sandbox.git("log", "-SProduct Manager", "--format=%as", "--", "biosketch.md")
    let gitPB = try sandbox.git("log", "-S30+ PB", "--format=%as", "--", "biosketch.md")

    // git names the re-wrap as the removal and never the version that changed the title…
    #expect(gitTitle.stdout == "2023-06-01\n2023-01-01\n")
    // …and says "30+ PB" went away, though every version says it.
    #expect(gitPB.stdout == "2023-06-01\n2023-01-01\n")
    #expect(
      try traced(sandbox, "Product Manager") == ["appeared 2023-01-01", "disappeared 2024-04-08"])
    #expect(try traced(sandbox, "30+ PB") == ["appeared 2023-01-01"])
    #expect(try traced(sandbox, "principal engineer") == ["appeared 2024-04-08"])
    let text = try sandbox.biostore("trace", "Product Manager")
    #expect(text.stdout.contains("biosketch (no longer says it)"))
    #expect(text.stdout.contains("disappeared  2024-04-08T00:00:00"))
    #expect(try sandbox.biostore("trace", "Principal Engineer", "--case").status == 0)
    #expect(try sandbox.biostore("trace", "principal engineer", "--case").status == 1)
  }

  @Test func grepFindsThePhraseAcrossLineBreaksAndSaysWhereNot() throws {
    let sandbox = try threeVersions()

    let latest = try sandbox.biostore("grep", "product manager")
    let all = try sandbox.biostore("grep", "product manager", "--all-versions")
    let json = try sandbox.biostore("grep", "Product Manager", "--json")
    let either = try sandbox.biostore("grep", "Product Manager", "principal engineer")

    #expect(latest.status == 1)
    #expect(latest.stderr.contains("no variant's latest text says 'product manager'"))
    #expect(latest.stderr.contains("--all-versions"))
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stdout.split(separator: "\n").count == 2)
    #expect(all.stdout.contains("2023-06-01T00:00:00"))
    #expect(all.stdout.contains("Glenn is a Product Manager at Microsoft"))
    #expect(json.status == 1 && json.stdout == "[]\n")
    #expect(either.status == 0)
    #expect(either.stdout.contains("Principal Engineer"))
    #expect(try sandbox.biostore("grep", " > ").status == 2)
  }

  @Test func staleChecksTheLatestTextsAndUpcomingEngagements() throws {
    let sandbox = try threeVersions()
    try #require(
      try sandbox.biostore("tag", "cfp", "biosketch@2023-06-30", "--date", "2099-01-01").status
        == 0)
    try #require(
      try sandbox.biostore("tag", "past", "biosketch@2023-06-30", "--date", "2023-07-01").status
        == 0)

    let stale = try sandbox.biostore("stale", "Product Manager")
    let none = try sandbox.biostore("stale")
    let added = try sandbox.biostore("stale", "--add", "Product Manager", "Azure Storage")
    let kept = try sandbox.biostore("stale")
    let again = try sandbox.biostore("stale", "--add", "product manager")
    try #require(try sandbox.biostore("untag", "cfp").status == 0)
    let clean = try sandbox.biostore("stale")

    #expect(stale.status == 1)
    #expect(stale.stdout.contains("engagement cfp (2099-01-01) was sent biosketch"))
    #expect(!stale.stdout.contains("engagement past"))
    #expect(
      stale.stderr.contains("0 variants and 1 upcoming engagement still say a retired phrase"))
    #expect(none.status == 2)
    #expect(none.stderr.contains("biostore stale --add PHRASE"))
    #expect(added.status == 1)
    #expect(kept.status == 1)
    #expect(
      try sandbox.git("config", "--get-all", "biostore.retired").stdout
        == "Product Manager\nAzure Storage\n")
    #expect(again.status == 1)
    #expect(!again.stderr.contains("keeping"))
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(clean.stdout.contains("No current variant or upcoming engagement says"))
  }

  /// pretalx's rule, as pretalx documents it, run by Python itself.
  func pretalxCount(_ text: String) throws -> Int {
    let sandbox = try Sandbox()
    let outcome = try sandbox.shell(
      "python3 -c 'import re,sys; print(len(re.findall(r\"\\b\\w+\\b\", sys.stdin.read())))' <<'EOF'\n\(text)\nEOF"
    )
    return try #require(Int(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
  }

  @Test(arguments: [
    "Glenn K. Lockwood is a Principal Engineer at Microsoft, where he is\nresponsible for supporting Microsoft’s largest AI supercomputers.\n",
    "I don't think I/O at 1,000 GB/s is a Ph.D.-level problem_set; naïve café résumé.\n",
    "> A quoted bio\n> - with a list\n\n## And a heading 2024 #1\n",
  ])
  func countingRulesAgreeWithTheirDefinitions(text: String) throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: text).status == 0)
    let pretalx = try pretalxCount(text)
    let words = text.split(whereSeparator: \.isWhitespace).filter {
      !["-", "*", "+", ">", "#", "##"].contains($0)
    }.count
    let characters = text.trimmingCharacters(in: .whitespacesAndNewlines).count

    for (limit, length) in [
      ("\(pretalx)w:pretalx", pretalx), ("\(words)", words), ("\(characters)c", characters),
    ] {
      let fits = try sandbox.biostore("fits", limit, "--json")
      #expect(fits.status == 0, "\(limit): \(fits.stderr)")
      #expect(fits.stdout.contains("\"length\" : \(length)"), "\(limit)")
    }
    for limit in ["\(pretalx - 1)w:pretalx", "\(words - 1)w", "\(characters - 1)c"] {
      let refused = try sandbox.biostore("fits", limit)
      #expect(refused.status == 1, "\(limit)")
      #expect(refused.stderr.contains("the shortest is bio"), "\(limit)")
    }
    #expect(try sandbox.biostore("fits", "\(pretalx)", "--count", "pretalx").status == 0)
    #expect(try sandbox.biostore("fits", "\(pretalx)c", "--count", "pretalx").status == 2)
  }

  @Test func theSampleBiosketchCountsAsTheIssueSaysAndTagLimitsWarnByTheirRule() throws {
    let sandbox = try Sandbox.withSampleStore()
    let april = try sandbox.biostore("show", "biosketch@2024-04-30").stdout

    let byWords = try sandbox.biostore("fits", "94", "--json")
    let byPretalx = try sandbox.biostore("fits", "100w:pretalx")
    let tagged = try sandbox.biostore(
      "tag", "cfp", "biosketch@2024-04-30", "--limit", "100w:pretalx")
    let principal = try traced(sandbox, "Principal Engineer")

    #expect(try pretalxCount(april) == 103)
    #expect(byWords.stdout.contains("\"length\" : 94"))
    #expect(!byPretalx.stdout.contains("biosketch"))
    #expect(tagged.status == 0)
    #expect(
      tagged.stderr.contains("has 103 words (pretalx), over the limit of 100 words (pretalx)"))
    #expect(
      try sandbox.git("cat-file", "-p", "refs/tags/engagements/cfp").stdout.contains(
        "Limit: 100 words (pretalx)\n"))
    #expect(
      try sandbox.biostore("engagements").stdout.contains("over the limit of 100 words (pretalx)"))
    #expect(principal == ["appeared 2024-04-08"])
    let sent = try sandbox.biostore("trace", "Principal Engineer", "--sent")
    #expect(sent.stdout.contains("sent to cfp"))
  }
}

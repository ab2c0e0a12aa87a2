import Foundation
import Testing

/// Whether pandoc is installed (Scripts/test installs it); the tests that read Word documents need it.
private let hasPandoc = FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc")

/// End-to-end: `diff --format` and `show --format` write documents a person can read, and `site` a static site; the texts they hold are checked against stock git's own copy of each version.
@Suite struct DocumentTests {
  /// The words of `text` (whitespace-separated), with blockquote markers dropped, as documents show them.
  func words(_ text: String) -> [String] {
    text.split(separator: "\n").map { $0.drop { $0 == ">" || $0 == " " } }.joined(separator: " ")
      .split(whereSeparator: \.isWhitespace).map(String.init)
  }

  /// The text of `variant` in `commit`, as stock git has it.
  func gitText(_ sandbox: Sandbox, _ commit: String, _ variant: String) throws -> String {
    try sandbox.git("show", "\(commit):\(variant).md").stdout
  }

  /// The commit `biostore` names for a spec, by `show --json`.
  func commit(_ sandbox: Sandbox, _ spec: String) throws -> String {
    let shown = try sandbox.biostore("show", spec, "--json").stdout
    let object = try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any]
    return try #require(object?["id"] as? String)
  }

  /// `html` with the elements named `dropped` removed whole, and every other tag and entity turned back into text.
  func text(ofHTML html: String, dropping dropped: String) -> String {
    var text = html.replacingOccurrences(
      of: "(?s)<\(dropped)[^>]*>.*?</\(dropped)>", with: "", options: .regularExpression)
    text = text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
      text = text.replacingOccurrences(of: entity, with: character)
    }
    return text
  }

  /// The body of the one variant section of a redline page.
  func section(_ html: String) throws -> String {
    let start = try #require(html.range(of: "<div class=\"text\">"))
    let end = try #require(html.range(of: "</div>", range: start.upperBound..<html.endIndex))
    return String(html[start.upperBound..<end.lowerBound])
  }

  @Test func theHTMLRedlineOfTheJanuary2024ChangeReadsAsEitherVersionAndNeedsNothingElse() throws {
    let sandbox = try Sandbox.withSampleStore()
    let old = try gitText(sandbox, try commit(sandbox, "biosketch@2023-12-31"), "biosketch")
    let new = try gitText(sandbox, try commit(sandbox, "biosketch@2024-04-30"), "biosketch")

    let outcome = try sandbox.biostore(
      "diff", "biosketch@2023-12-31", "biosketch@2024-04-30", "--format", "html")
    let html = outcome.stdout

    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<style>"))
    #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("http"))
    #expect(html.contains("<del") && html.contains("Product Manager"))
    #expect(html.contains("<ins") && html.contains(">supporting Microsoft’s largest AI"))
    let body = try section(html)
    #expect(words(text(ofHTML: body, dropping: "del")) == words(new))
    #expect(words(text(ofHTML: body, dropping: "ins")) == words(old))
  }

  @Test func anEngagementToEngagementRedlineHasASectionPerVariant() throws {
    let sandbox = try Sandbox.withSampleStore()

    let outcome = try sandbox.biostore(
      "diff", "hpc-storage-talk-2022", "ai-infra-summit-2025", "--format", "html")
    let sections = outcome.stdout.components(separatedBy: "<section class=\"variant\"").count - 1
    let json = try sandbox.biostore(
      "diff", "hpc-storage-talk-2022", "ai-infra-summit-2025", "--json")
    let variants = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])

    #expect(outcome.status == 0)
    #expect(sections == variants.count && sections > 1)
    for variant in variants.compactMap({ $0["variant"] as? String }) {
      #expect(outcome.stdout.contains("<h2>\(variant)</h2>"))
    }
    #expect(outcome.stdout.contains("only in ai-infra-summit-2025"))
  }

  @Test func documentsGoToNewFilesOnlyAndBadRequestsAreRefused() throws {
    let sandbox = try Sandbox.withSampleStore()
    let existing = try sandbox.file("mine.html", "my own words\n")
    let spec = ["diff", "biosketch@2023-12-31", "biosketch@2024-04-30"]

    let overwrite = try sandbox.biostore(
      spec + ["--format", "html", "-o", existing], stdinBytes: [])
    let noFile = try sandbox.biostore(spec + ["--format", "docx"], stdinBytes: [])
    let noFormat = try sandbox.biostore(spec + ["-o", existing + ".x"], stdinBytes: [])
    let txt = try sandbox.biostore(spec + ["--format", "txt"], stdinBytes: [])
    let both = try sandbox.biostore(spec + ["--format", "html", "--json"], stdinBytes: [])
    let written = try sandbox.biostore(
      spec + ["--format", "html", "-o", sandbox.root.path + "/redline.html"], stdinBytes: [])

    #expect(overwrite.status == 1)
    #expect(overwrite.stderr.contains("already exists; give -o a new file name"))
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "my own words\n")
    #expect(noFile.status == 2 && noFile.stderr.contains("give -o FILE"))
    #expect(noFormat.status == 2 && txt.status == 2 && both.status == 2)
    #expect(written.status == 0 && written.stderr.contains("wrote"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.root.path)
      .filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test func aMissingProgramIsNamedWithHowToInstallItAndNothingIsWritten() throws {
    let sandbox = try Sandbox.withSampleStore()
    let docx = sandbox.root.path + "/r.docx"
    let pdf = sandbox.root.path + "/r.pdf"
    let bare = ["PATH": "/nonexistent"]

    let word = try sandbox.biostore(
      "diff", "biosketch@2023-12-31", "biosketch", "--format", "docx", "-o", docx,
      extraEnvironment: bare)
    let print = try sandbox.biostore(
      "diff", "biosketch@2023-12-31", "biosketch", "--format", "pdf", "-o", pdf,
      extraEnvironment: bare)

    #expect(word.status == 1)
    #expect(word.stderr.contains("needs pandoc, which is not installed"))
    #expect(word.stderr.contains("apt-get install -y pandoc"))
    #expect(print.status == 1 && print.stderr.contains("apt-get install -y chromium"))
    #expect(!FileManager.default.fileExists(atPath: docx))
    #expect(!FileManager.default.fileExists(atPath: pdf))
  }

  /// Writes a Word redline between two specs and returns its `word/document.xml` and the words pandoc reads with every change accepted and with every one rejected.
  func trackedChanges(_ sandbox: Sandbox, _ old: String, _ new: String) throws -> (
    xml: String, accepted: [String], rejected: [String]
  ) {
    let docx = sandbox.root.path + "/redline-\(UUID().uuidString.prefix(6)).docx"
    let written = try sandbox.biostore("diff", old, new, "--format", "docx", "-o", docx)
    try #require(written.status == 0, "\(written.stderr)")
    let xml = try sandbox.shell("unzip -p '\(docx)' word/document.xml").stdout
    func read(_ mode: String) throws -> [String] {
      let plain = try sandbox.shell(
        "pandoc --track-changes=\(mode) -t plain --wrap=none '\(docx)'"
      ).stdout
      // The title and the line saying which versions are compared come first.
      return words(plain.components(separatedBy: "\n\n").dropFirst(2).joined(separator: "\n\n"))
    }
    return (xml, try read("accept"), try read("reject"))
  }

  @Test(.enabled(if: hasPandoc))
  func wordTrackedChangesAcceptToTheNewerWordsAndRejectToTheOlder() throws {
    let sandbox = try Sandbox.withSampleStore()
    let oldID = try commit(sandbox, "biosketch@2023-12-31")
    let newID = try commit(sandbox, "biosketch@2024-04-30")

    let (xml, accepted, rejected) = try trackedChanges(
      sandbox, "biosketch@2023-12-31", "biosketch@2024-04-30")

    let author = try sandbox.git("log", "-1", "--format=%an", newID).stdout
      .trimmingCharacters(in: .newlines)
    let date = try sandbox.git("log", "-1", "--format=%ad", "--date=iso-strict-local", newID)
    #expect(xml.contains("<w:ins ") && xml.contains("<w:del "))
    #expect(xml.contains("w:author=\"\(author)\""))
    #expect(date.stdout.hasPrefix("2024-04-08T13:12:18"))
    #expect(xml.contains("w:date=\"2024-04-08T20:12:18Z\""), "the newer version's as-of date")
    #expect(accepted == words(try gitText(sandbox, newID, "biosketch")))
    #expect(rejected == words(try gitText(sandbox, oldID, "biosketch")))
  }

  @Test(.enabled(if: hasPandoc))
  func aRewrappedEditRoundTripsAndOnlyItsWordIsTracked() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let old =
      "Glenn is a Product Manager at Microsoft, where he\nbuilt a 30+ PB (all-flash) file system.\n"
    let new =
      "> Glenn is a Principal\n> Manager at Microsoft, where he built a 30+\n> PB (all-flash) file system.\n"
    try #require(try sandbox.biostore("save", "bio", "--date", "2023", stdin: old).status == 0)
    try #require(try sandbox.biostore("save", "bio", "--date", "2024", stdin: new).status == 0)

    let (xml, accepted, rejected) = try trackedChanges(sandbox, "bio@2023", "bio@2024")

    #expect(accepted == words(new))
    #expect(rejected == words(old))
    #expect(xml.components(separatedBy: "<w:ins ").count == 2, "one insertion")
    #expect(xml.components(separatedBy: "<w:del ").count == 2, "one deletion")
  }

  @Test(
    .enabled(if: hasPandoc),
    arguments: [
      ("foo,bar and baz.\n", "foo, bar and baz.\n"),
      ("P1 words.\n\nP2 words.\n", "P1 words.\n\nNew para here.\n\nP2 words.\n\nEnd para.\n"),
      ("First para here.\n\nSecond para.\n", "Second para.\n"),
      ("A (see above) note.\n", "A ( see above ) note.\n"),
    ])
  func spacingAndParagraphChangesRoundTripThroughWord(_ example: (String, String)) throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(
      try sandbox.biostore("save", "bio", "--date", "2023", stdin: example.0).status == 0)
    try #require(
      try sandbox.biostore("save", "bio", "--date", "2024", stdin: example.1).status == 0)

    let (_, accepted, rejected) = try trackedChanges(sandbox, "bio@2023", "bio@2024")

    #expect(accepted == words(example.1))
    #expect(rejected == words(example.0))
  }

  @Test(.enabled(if: hasPandoc))
  func showWritesPasteReadyTextAndWord() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let markdown =
      "# Glenn Lockwood\n\nGlenn is a **Principal Engineer** at\n[Microsoft](https://microsoft.com), where\nhe *builds* things.\n\nSecond paragraph.\n"
    try #require(try sandbox.biostore("save", "bio", stdin: markdown).status == 0)
    let docx = sandbox.root.path + "/bio.docx"

    let text = try sandbox.biostore("show", "bio", "--format", "txt")
    let word = try sandbox.biostore("show", "bio", "--format", "docx", "-o", docx)

    #expect(text.status == 0)
    #expect(
      !text.stdout.contains("**") && !text.stdout.contains("# ") && !text.stdout.contains("]("))
    #expect(
      text.stdout.contains("Glenn is a Principal Engineer at Microsoft, where he builds things.\n"))
    #expect(text.stdout.contains("\n\nSecond paragraph.\n"))
    #expect(word.status == 0)
    let xml = try sandbox.shell("unzip -p '\(docx)' word/document.xml").stdout
    #expect(xml.contains("Principal Engineer") && xml.contains("<w:b"), "bold kept as formatting")
  }

  @Test func theSiteHasAPageForEveryVersionGitHasAndEveryLinkResolves() throws {
    let sandbox = try Sandbox.withSampleStore()
    try #require(try sandbox.biostore("mv", "long", "career-story").status == 0)
    try #require(try sandbox.biostore("rm", "research-statement").status == 0)
    let site = sandbox.root.path + "/site"

    let written = try sandbox.biostore("site", site)
    let again = try sandbox.biostore("site", site)

    #expect(written.status == 0, "\(written.stderr)")
    #expect(again.status == 1 && again.stderr.contains("already exists and is not empty"))
    let manager = FileManager.default
    for variant in ["biosketch", "career-story", "research-statement"] {
      let pages = try manager.contentsOfDirectory(atPath: site + "/" + variant)
        .filter { $0.count == 45 && $0.hasSuffix(".html") }.map { String($0.prefix(40)) }
      // git's own record: the commits that added or changed the file, under any of its names
      // (a rename, found by -M, is not a version).
      let names = variant == "career-story" ? ["career-story.md", "long.md"] : [variant + ".md"]
      let commits = try sandbox.git(
        in: sandbox.store, ["log", "-M", "--format=%H", "--diff-filter=AM", "--"] + names)
      #expect(
        Set(pages) == Set(commits.stdout.split(separator: "\n").map(String.init)), "\(variant)")
    }
    let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
    #expect(index.contains("research-statement</a> <span class=\"event\">removed"))
    #expect(index.contains("long → <a href=\"career-story/index.html\">career-story</a>"))
    let timeline = try String(contentsOfFile: site + "/biosketch/index.html", encoding: .utf8)
    #expect(timeline.contains("engagements.html#hpc-storage-talk-2022"))
    let engagements = try String(contentsOfFile: site + "/engagements.html", encoding: .utf8)
    #expect(engagements.contains("id=\"ai-infra-summit-2025\""))
    // Every link of every page leads to a page of the site.
    var links = 0
    for case let page as String in manager.enumerator(atPath: site)! where page.hasSuffix(".html") {
      let html = try String(contentsOfFile: site + "/" + page, encoding: .utf8)
      let folder = (page as NSString).deletingLastPathComponent
      let pattern = try NSRegularExpression(pattern: "href=\"([^\"#]*)")
      for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
        let target = String(html[Range(match.range(at: 1), in: html)!])
        guard !target.isEmpty else { continue }
        let path = ((site + "/" + folder + "/" + target) as NSString).standardizingPath
        #expect(manager.fileExists(atPath: path), "\(page) links to \(target)")
        links += 1
      }
    }
    #expect(links > 50)
  }
}

import Foundation
import Testing

/// A source repository built with stock git in a sandbox, one step at a time, for `import-git` to read.
struct SourceRepository {
  let sandbox: Sandbox
  let path: String

  init(in sandbox: Sandbox, named name: String = "site") throws {
    self.sandbox = sandbox
    path = sandbox.root.appendingPathComponent(name).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try git("init", "-q", "-b", "main")
  }

  /// Runs stock git in the repository, requiring success.
  @discardableResult
  func git(_ arguments: String..., date: String? = nil) throws -> String {
    let dates = date.map { ["GIT_AUTHOR_DATE": $0, "GIT_COMMITTER_DATE": $0] } ?? [:]
    let outcome = try sandbox.git(in: path, arguments, extraEnvironment: dates)
    try #require(outcome.status == 0, "git \(arguments): \(outcome.stderr)")
    return outcome.stdout
  }

  /// Writes `bytes` to `file` in the work tree.
  func write(_ file: String, _ bytes: [UInt8]) throws {
    let url = URL(fileURLWithPath: path + "/" + file)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
  }

  /// Writes `text` to `file`, stages everything and commits it as `subject` at `date`.
  func commit(_ file: String, _ text: String, _ subject: String, at date: String) throws {
    try write(file, Array(text.utf8))
    try commitAll(subject, at: date)
  }

  /// Stages everything and commits it.
  func commitAll(_ subject: String, at date: String) throws {
    try git("add", "-A")
    try git("commit", "-q", "--allow-empty", "-m", subject, date: date)
  }
}

/// End-to-end: `import-git` on histories with merges, CRLF, Unicode normalisation and names that flip, with `git log -- PATH` as the oracle.
@Suite struct ImportGitBranchesTests {
  /// The store's versions of `variant` oldest first as `date subject`, and their texts.
  func storeLog(_ sandbox: Sandbox) throws -> [String] {
    try sandbox.git("log", "--reverse", "--format=%aI %s").stdout.split(separator: "\n").map(
      String.init)
  }

  /// What stock git lists for `file`, oldest first by author date, as `date subject`.
  func gitLog(_ source: SourceRepository, _ arguments: String...) throws -> [String] {
    let lines = try source.sandbox.git(
      in: source.path, ["log", "--format=%at %aI %s"] + arguments
    ).stdout.split(separator: "\n")
    return lines.map { $0.split(separator: " ", maxSplits: 1) }
      .enumerated().sorted { (Int($0.element[0])!, -$0.offset) < (Int($1.element[0])!, -$1.offset) }
      .map { String($0.element[1]) }
  }

  /// A site with one bio a year from 2015 to 2020, and a store that imported it `--since 2018`.
  func storeImportedSince2018() throws -> (Sandbox, SourceRepository) {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    for year in 2015...2020 {
      try site.commit("bio.md", "Bio of \(year).\n", "bio \(year)", at: "\(year)-01-01T00:00:00Z")
    }
    try #require(
      try sandbox.biostore("import-git", site.path, "bio.md", "--variant", "bio", "--since", "2018")
        .status == 0)
    return (sandbox, site)
  }

  func store() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    return sandbox
  }

  @Test func aWebEditOnASideBranchIsAVersionWithItsOwnDateAndTheMergeIsNot() throws {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    try site.commit("bio.md", "Laptop text.\n", "first", at: "2020-01-01T09:00:00+01:00")
    try site.git("checkout", "-q", "-b", "web")
    try site.commit("bio.md", "Web edit.\n", "Update bio.md", at: "2020-02-01T10:00:00-05:00")
    try site.git("checkout", "-q", "main")
    try site.commit("other.md", "Unrelated.\n", "other page", at: "2020-03-01T00:00:00+00:00")
    try site.git("merge", "-q", "--no-edit", "web", date: "2020-04-01T00:00:00+00:00")

    let imported = try sandbox.biostore("import-git", site.path, "bio.md", "--variant", "bio")

    #expect(imported.status == 0, "\(imported.stderr)")
    let expected = [
      "2020-01-01T09:00:00+01:00 first", "2020-02-01T10:00:00-05:00 Update bio.md",
    ]
    #expect(try storeLog(sandbox) == expected)
    #expect(try gitLog(site, "--", "bio.md") == expected)
    #expect(try sandbox.biostore("show", "bio").stdout == "Web edit.\n")
  }

  @Test func aMergeThatCombinesBothSidesIsAVersionOfItsOwn() throws {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    try site.commit("bio.md", "One.\n\nTwo.\n\nThree.\n", "first", at: "2020-01-01T00:00:00Z")
    try site.git("checkout", "-q", "-b", "web")
    try site.commit(
      "bio.md", "One.\n\nTwo.\n\nThree, from the web.\n", "web", at: "2020-02-01T00:00:00Z")
    try site.git("checkout", "-q", "main")
    try site.commit(
      "bio.md", "One, on the laptop.\n\nTwo.\n\nThree.\n", "laptop", at: "2020-03-01T00:00:00Z")
    try site.git("merge", "-q", "--no-edit", "web", date: "2020-04-01T00:00:00Z")
    let merged = try site.git("show", "HEAD:bio.md")

    let imported = try sandbox.biostore("import-git", site.path, "bio.md", "--variant", "bio")

    #expect(imported.status == 0, "\(imported.stderr)")
    let log = try storeLog(sandbox)
    #expect(log == (try gitLog(site, "--", "bio.md")))
    #expect(log.count == 4)
    #expect(log.last?.hasPrefix("2020-04-01T00:00:00+00:00 Merge branch 'web'") == true)
    #expect(try sandbox.biostore("show", "bio").stdout == merged)
    #expect(
      try sandbox.git("show", "HEAD~1:bio.md").stdout == "One, on the laptop.\n\nTwo.\n\nThree.\n")
  }

  @Test func anEditAMergeThrewAwayIsNotAVersionAsInGitLog() throws {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    try site.commit("bio.md", "Kept.\n", "first", at: "2020-01-01T00:00:00Z")
    try site.git("checkout", "-q", "-b", "draft")
    try site.commit("bio.md", "Thrown away.\n", "draft", at: "2020-02-01T00:00:00Z")
    try site.git("checkout", "-q", "main")
    try site.git("merge", "-q", "-s", "ours", "--no-edit", "draft", date: "2020-03-01T00:00:00Z")

    let imported = try sandbox.biostore("import-git", site.path, "bio.md", "--variant", "bio")

    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try storeLog(sandbox) == (try gitLog(site, "--", "bio.md")))
    #expect(try storeLog(sandbox) == ["2020-01-01T00:00:00+00:00 first"])
  }

  @Test func aCRLFPagesSectionAndQuoteAreFoundAndKeepTheirBytes() throws {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    let page =
      "# Me\r\n\r\n## Short Bio\r\n\r\n> Glenn works\r\n> at NERSC.\r\n\r\n## Long\r\nStory.\r\n"
    try site.commit("about.md", page, "crlf page", at: "2020-01-01T00:00:00Z")

    let section = try sandbox.biostore(
      "import-git", site.path, "about.md", "--variant", "short", "--section", "Short Bio")
    let quote = try sandbox.biostore(
      "import-git", site.path, "about.md", "--variant", "quote", "--section", "short bio",
      "--quote")
    let file = try sandbox.biostore(
      "import", site.path + "/about.md", "--variant", "from-file", "--section", "Short Bio",
      "--quote")

    for outcome in [section, quote, file] { #expect(outcome.status == 0, "\(outcome.stderr)") }
    #expect(try sandbox.git("show", "HEAD~2:short.md").stdout == "> Glenn works\r\n> at NERSC.\r\n")
    #expect(try sandbox.git("show", "HEAD~1:quote.md").stdout == "Glenn works\r\nat NERSC.\r\n")
    #expect(try sandbox.git("show", "HEAD:from-file.md").stdout == "Glenn works\r\nat NERSC.\r\n")
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
  }

  @Test func textsThatDifferOnlyInUnicodeNormalisationAreSeparateVersions() throws {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    let composed = Array("Jos\u{E9} works here.\n".utf8)
    let decomposed = Array("Jose\u{301} works here.\n".utf8)
    for (number, bytes) in [composed, decomposed, composed].enumerated() {
      try site.write("bio.md", bytes)
      try site.commitAll("v\(number)", at: "2020-0\(number + 1)-01T00:00:00Z")
    }

    let imported = try sandbox.biostore("import-git", site.path, "bio.md", "--variant", "bio")

    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try storeLog(sandbox).count == 3)
    for (revision, expected) in [("HEAD~2", composed), ("HEAD~1", decomposed), ("HEAD", composed)] {
      let blob = try sandbox.git("rev-parse", "\(revision):bio.md").stdout
      let stored = try sandbox.git("cat-file", "blob", blob.trimmingCharacters(in: .newlines))
      #expect(Array(stored.stdout.utf8) == expected, "\(revision)")
    }
  }

  /// A page that moves about.md → about.html with a rewrite, then back to about.md.
  func flippingSite(_ sandbox: Sandbox) throws -> SourceRepository {
    let site = try SourceRepository(in: sandbox)
    try site.commit("about.md", "Markdown one.\n", "md one", at: "2018-01-01T00:00:00Z")
    try site.commit("about.md", "Markdown two.\n", "md two", at: "2018-06-01T00:00:00Z")
    try site.git("rm", "-q", "about.md")
    try site.commit(
      "about.html", "<p>An entirely different HTML page.</p>\n", "to html",
      at: "2019-01-01T00:00:00Z")
    try site.git("rm", "-q", "about.html")
    try site.commit(
      "about.md", "Markdown three, written anew.\n", "back to md", at: "2020-01-01T00:00:00Z")
    return site
  }

  @Test func noFollowTakesBothStretchesOfAFlippedFilesOwnHistory() throws {
    let sandbox = try store()
    let site = try flippingSite(sandbox)

    let imported = try sandbox.biostore(
      "import-git", site.path, "about.md", "--variant", "about", "--no-follow")

    #expect(imported.status == 0, "\(imported.stderr)")
    // git lists the commit that deleted the file too; a deletion is not a version.
    #expect(try storeLog(sandbox) == (try gitLog(site, "--diff-filter=AM", "--", "about.md")))
    #expect(try storeLog(sandbox).count == 3)
  }

  @Test func followCopiesFindsTheFileABioWasCopiedFrom() throws {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    let long = "Glenn is a storage engineer.\nHe works on file systems.\nHe lives in Seattle.\n"
    try site.commit("about.md", long, "about", at: "2018-01-01T00:00:00Z")
    try site.commit("about.md", long + "He likes trains.\n", "trains", at: "2018-06-01T00:00:00Z")
    try site.commit(
      "bio.md", long + "He likes trains.\n", "copy to bio", at: "2019-01-01T00:00:00Z")
    try site.commit("bio.md", long + "He likes boats.\n", "boats", at: "2020-01-01T00:00:00Z")

    let plain = try sandbox.biostore("import-git", site.path, "bio.md", "--variant", "plain")
    let copies = try sandbox.biostore(
      "import-git", site.path, "bio.md", "--variant", "copied", "--follow-copies")

    #expect(plain.status == 0 && copies.status == 0, "\(plain.stderr) \(copies.stderr)")
    #expect(
      try sandbox.biostore("history", "plain", "--json").stdout.components(separatedBy: "\"id\"")
        .count - 1 == 2)
    let copied = try sandbox.biostore("history", "copied", "--json").stdout
    #expect(copied.components(separatedBy: "\"id\"").count - 1 == 3)
    #expect(copied.contains("\"message\" : \"about\""))
    let both = try sandbox.biostore(
      "import-git", site.path, "bio.md", "--variant", "x", "--no-follow", "--follow-copies")
    #expect(both.status == 2)
  }

  @Test func aDotSlashPathIsThePathFromTheRoot() throws {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    try site.commit("pages/bio.md", "Text.\n", "add", at: "2020-01-01T00:00:00Z")

    let imported = try sandbox.biostore(
      "import-git", site.path, "./pages//bio.md", "--variant", "bio")

    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try storeLog(sandbox) == ["2020-01-01T00:00:00+00:00 add"])
  }

  @Test func aRunWithoutSinceAfterOneWithItCountsTruthfullyAndSaysWhatItLeftOut() throws {
    let (sandbox, site) = try storeImportedSince2018()
    try site.commit("bio.md", "Bio of 2021.\n", "bio 2021", at: "2021-01-01T00:00:00Z")

    let again = try sandbox.biostore("import-git", site.path, "bio.md", "--variant", "bio")

    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("Imported 1 version of bio"))
    #expect(again.stdout.contains("3 already imported"))
    #expect(again.stdout.contains("3 older left out"))
    #expect(again.stderr.contains("biostore: warning: 3 revisions dated 2015-01-01 to 2017-01-01"))
    #expect(again.stderr.contains("add --insert"))
    #expect(try storeLog(sandbox).count == 4)
  }

  @Test func insertPutsTheRevisionsASinceLeftOutInDateOrderAndKeepsEngagementsAndTheOldLine() throws
  {
    let (sandbox, site) = try storeImportedSince2018()
    try #require(
      try sandbox.biostore("save", "cv", "--date", "2020-06-01", stdin: "CV.\n").status == 0)
    try #require(
      try sandbox.biostore("tag", "sc18", "bio@2018-12-31", "--date", "2018-11-11").status == 0)
    try #require(
      try sandbox.biostore("tag", "sc20", "bio", "cv", "--date", "2020-11-11").status == 0)
    // What was sent, without the commit ids a rewrite changes.
    func sent() throws -> String {
      try sandbox.biostore("recall", "sc").stdout.replacing(/\b[0-9a-f]{7}\b/, with: "ID")
    }
    let recalled = try sent()
    let oldTip = try sandbox.git("rev-parse", "HEAD").stdout

    let inserted = try sandbox.biostore(
      "import-git", site.path, "bio.md", "--variant", "bio", "--insert")
    let rerun = try sandbox.biostore(
      "import-git", site.path, "bio.md", "--variant", "bio", "--insert")

    #expect(inserted.status == 0, "\(inserted.stderr)")
    #expect(inserted.stdout.contains("Imported 3 versions of bio, 2015-01-01 to 2017-01-01"))
    #expect(inserted.stdout.contains("4 later commits written again"), "\(inserted.stdout)")
    #expect(inserted.stderr == "")
    // Stock git: every revision once, in date order, on a line with no merges.
    #expect(
      try sandbox.git("log", "--reverse", "--format=%aI %s", "--", "bio.md").stdout
        == (2015...2020).map { "\($0)-01-01T00:00:00+00:00 bio \($0)\n" }.joined())
    #expect(try sandbox.git("rev-list", "--merges", "--count", "HEAD").stdout == "0\n")
    #expect(try sandbox.git("show", "HEAD:cv.md").stdout == "CV.\n")
    #expect(
      try sandbox.git("rev-parse", "refs/biostore/replaced/refs/heads/main/1").stdout == oldTip)
    #expect(try sandbox.git("fsck", "--strict").status == 0)
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
    // The engagements were sent the same texts, now named by commits on the new line.
    #expect(try sent() == recalled)
    #expect(recalled.contains("Bio of 2018.") && recalled.contains("Bio of 2020."))
    for name in ["sc18", "sc20"] {
      let tag = try sandbox.git("cat-file", "-p", "engagements/\(name)").stdout
      for id in tag.matches(of: /Variant: \S+ ([0-9a-f]{40})/).map({ String($0.1) }) {
        #expect(try sandbox.git("merge-base", "--is-ancestor", id, "HEAD").status == 0)
      }
      #expect(
        try sandbox.git("rev-parse", "-q", "--verify", "refs/biostore/replaced/\(name)/1").status
          == 0)
    }
    #expect(rerun.stdout.contains("Imported 0 versions of bio"))
    #expect(rerun.stdout.contains("6 already imported"))
  }

  @Test func anEmptySectionSaysSoRatherThanThatTheHeadingIsMissing() throws {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    try site.commit(
      "about.md", "# Me\n\n## Bio\n\n## Long\n\nStory.\n", "add", at: "2020-01-01T00:00:00Z")

    let imported = try sandbox.biostore(
      "import-git", site.path, "about.md", "--variant", "bio", "--section", "Bio")
    let file = try sandbox.biostore(
      "import", site.path + "/about.md", "--variant", "bio", "--section", "Bio")

    for outcome in [imported, file] {
      #expect(outcome.status == 1)
      #expect(outcome.stderr.contains("heading 'Bio' in "), "\(outcome.stderr)")
      #expect(outcome.stderr.contains("has no text under it"))
    }
  }

  @Test func insertKeepsWhatATagNamingNoVariantWasSent() throws {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    try site.commit("bio.md", "Source base.\n", "base", at: "2015-02-01T00:00:00Z")
    try site.commit("bio.md", "Source mid.\n", "mid", at: "2015-03-01T00:00:00Z")
    try site.commit("bio.md", "Source last.\n", "last", at: "2015-06-01T00:00:00Z")
    try #require(
      try sandbox.biostore("save", "bio", "--date", "2015-01-01", stdin: "Manual X.\n").status == 0)
    try #require(
      try sandbox.biostore("save", "other", "--date", "2015-04-15", stdin: "Other.\n").status == 0)
    // Tags made by hand: one annotated, one lightweight, neither naming a variant.
    try #require(try sandbox.git("tag", "-a", "-m", "O talk", "engagements/o", "HEAD").status == 0)
    try #require(try sandbox.git("tag", "engagements/light", "HEAD").status == 0)
    try #require(
      try sandbox.biostore(
        "import-git", site.path, "bio.md", "--variant", "bio", "--since", "2015-05"
      )
      .status == 0)
    func sent(_ name: String) throws -> String {
      try sandbox.biostore("recall", name).stdout.replacing(/\b[0-9a-f]{7}\b/, with: "ID")
    }
    let before = [try sent("o"), try sent("light")]

    let inserted = try sandbox.biostore(
      "import-git", site.path, "bio.md", "--variant", "bio", "--insert")

    #expect(inserted.status == 0, "\(inserted.stderr)")
    #expect(before[0].contains("Manual X.") && !before[0].contains("Source mid."))
    #expect([try sent("o"), try sent("light")] == before)
    #expect(try sandbox.git("fsck", "--strict").status == 0)
  }

  @Test func aRevertedTextLeftOutBySinceIsInsertedAtItsOwnDate() throws {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    try site.commit("bio.md", "X.\n", "A", at: "2015-01-01T00:00:00Z")
    try site.commit("bio.md", "Y.\n", "B", at: "2016-01-01T00:00:00Z")
    try site.commit("bio.md", "X.\n", "C", at: "2017-01-01T00:00:00Z")
    try #require(
      try sandbox.biostore(
        "import-git", site.path, "bio.md", "--variant", "bio", "--since", "2016-06"
      )
      .status == 0)

    let inserted = try sandbox.biostore(
      "import-git", site.path, "bio.md", "--variant", "bio", "--insert")

    #expect(inserted.status == 0, "\(inserted.stderr)")
    #expect(try storeLog(sandbox).map { String($0.split(separator: " ")[1]) } == ["A", "B", "C"])
  }

  @Test func aRerunAfterARenameFindsTheVersionsUnderTheOldName() throws {
    let sandbox = try store()
    let site = try SourceRepository(in: sandbox)
    try site.commit("bio.md", "One.\n", "one", at: "2015-01-01T00:00:00Z")
    try site.commit("bio.md", "Two.\n", "two", at: "2016-01-01T00:00:00Z")
    try #require(
      try sandbox.biostore("import-git", site.path, "bio.md", "--variant", "bio").status == 0)
    try #require(try sandbox.biostore("mv", "bio", "bio2").status == 0)
    let history = try sandbox.biostore("history", "bio2").stdout

    let rerun = try sandbox.biostore("import-git", site.path, "bio.md", "--variant", "bio2")

    #expect(rerun.status == 0)
    #expect(rerun.stderr == "", "\(rerun.stderr)")
    #expect(rerun.stdout.contains("Imported 0 versions of bio2"))
    #expect(rerun.stdout.contains("2 already imported"))
    #expect(try sandbox.biostore("history", "bio2").stdout == history)
  }
}

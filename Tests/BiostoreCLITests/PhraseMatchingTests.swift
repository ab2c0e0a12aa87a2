import Foundation
import Testing

/// End-to-end: a phrase is found however its words were typed (Unicode normal form, apostrophe, case), inside e-mail addresses and links, after a rename and across a removal, and `stale` keeps one of two phrases that search alike.
@Suite struct PhraseMatchingTests {
  /// A store holding `bio` with `text` as its one version.
  func store(saying text: [UInt8]) throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(
      try sandbox.biostore(["save", "bio", "-m", "first"], stdinBytes: text).status == 0)
    return sandbox
  }

  @Test func wordsMatchWhateverNormalFormApostropheOrCaseTheyWereTypedIn() throws {
    // "Café" with a combining accent (NFD), a typographic apostrophe, Greek capitals with Σ.
    let decomposed = Array("Jane ran Cafe\u{301} Acme. She doesn’t stop. ΟΔΟΣ ΣΤΡΑΣΣΕ.\n".utf8)
    #expect(decomposed.contains(0xCC), "the text really is decomposed")
    let sandbox = try store(saying: decomposed)
    // The same words typed composed (NFC), with a straight apostrophe, in lower case with final ς.
    for phrase in ["Café Acme", "café", "doesn't stop", "οδος", "Caf\u{E9}"] {
      #expect(try sandbox.biostore("grep", phrase).status == 0, "grep \(phrase)")
      #expect(try sandbox.biostore("trace", phrase).status == 0, "trace \(phrase)")
    }
    let stale = try sandbox.biostore("stale", "Café")
    #expect(stale.status == 1, "a false all-clear: \(stale.stdout)")
    #expect(try sandbox.biostore("grep", "Caf\u{E9}", "--case").status == 0)
    #expect(try sandbox.biostore("grep", "café", "--case").status == 1)

    // And the other way round: composed text, decomposed phrase.
    let composed = try store(saying: Array("Glenn founded Caf\u{E9} Acme.\n".utf8))
    #expect(try composed.biostore("stale", "Cafe\u{301}").status == 1)
  }

  @Test(arguments: [
    // Text pasted from the web or a word processor, and what someone retiring a phrase types.
    ("Go\u{AD}ogle engineer", "Google"), ("Go\u{200B}ogle engineer", "Google"),
    ("Go\u{2060}ogle", "google"), ("Google", "Go\u{AD}ogle"),
    ("İstanbul office", "Istanbul"), ("Diyarbakır office", "DİYARBAKIR"),
    ("write an e\u{2011}mail", "e-mail"), ("Microsoft\u{02BC}s staff", "Microsoft"),
    ("ＡＣＭＥ Corp", "ACME"), ("ﬁnance", "finance"), ("👩\u{200D}💻 dev", "👩\u{200D}💻"),
  ])
  func aPhraseIsFoundHoweverItsCharactersWereTyped(_ example: (String, String)) throws {
    let sandbox = try store(saying: Array(example.0.utf8))

    #expect(try sandbox.biostore("stale", example.1).status == 1, "a false all-clear")
    #expect(try sandbox.biostore("trace", example.1).status == 0)
  }

  @Test(arguments: [
    ("flags 🇺🇸 🇬🇧", "🇸🇬"), ("flags 🇺🇸🇬🇧", "🇸🇬"), ("x 👍 🏽", "👍🏽"), ("x 👍🏽", "🏽"),
    ("dev 👩\u{200D}💻", "👩"),
  ])
  func anEmojiIsMatchedWholeNeverAPartOfOne(_ example: (String, String)) throws {
    let sandbox = try store(saying: Array(example.0.utf8))

    #expect(try sandbox.biostore("grep", example.1).status == 1)
    #expect(try sandbox.biostore("stale", example.1).status == 0)
  }

  @Test func aWordIsFoundInsideAnAddressOrLinkButNotInsideANumber() throws {
    let sandbox = try store(
      saying: Array(
        "Write to jane@acme.com or see https://www.acme.com/team and our Acme-funded work on 3.5 PB.\n"
          .utf8))

    let acme = try sandbox.biostore("grep", "Acme", "--json")
    let hits = try #require(
      try JSONSerialization.jsonObject(with: Data(acme.stdout.utf8)) as? [[String: Any]])
    let matches = hits.compactMap { $0["match"] as? String }

    #expect(acme.status == 0)
    #expect(matches == ["acme.com", "www.acme.com", "Acme-funded"])
    #expect(try sandbox.biostore("stale", "acme").status == 1)
    #expect(try sandbox.biostore("grep", "3.5 PB").status == 0)
    #expect(try sandbox.biostore("grep", "5 PB").status == 1, "5 PB is not in 3.5 PB")
    #expect(try sandbox.biostore("grep", "acme-funded").status == 0)
    #expect(try sandbox.biostore("grep", "Acme funded").status == 1, "a hyphen is not a space")
  }

  @Test func retiringTwoPhrasesThatSearchAlikeKeepsOne() throws {
    let sandbox = try store(saying: Array("Product Manager.\n".utf8))

    let added = try sandbox.biostore(
      "stale", "--add", "Product Manager", "product   manager", "PRODUCT\nMANAGER", "Azure")

    #expect(added.status == 1)
    #expect(
      try sandbox.git("config", "--get-all", "biostore.retired").stdout
        == "Product Manager\nAzure\n")
    #expect(added.stderr.components(separatedBy: "keeping").count == 3)
    #expect(added.stderr.contains("'product   manager' is kept already, as 'Product Manager'"))
  }

  @Test func retiringWithCaseKeepsPhrasesThatDifferInCaseAndChecksEveryOne() throws {
    let sandbox = try store(saying: Array("Lives on STRASSE 5.\n".utf8))

    let added = try sandbox.biostore("stale", "--add", "--case", "Straße", "STRASSE")
    let kept = try sandbox.biostore("stale", "--case")

    #expect(added.status == 1, "STRASSE is still said")
    #expect(
      try sandbox.git("config", "--get-all", "biostore.retired").stdout == "Straße\nSTRASSE\n")
    #expect(kept.status == 1)
  }

  @Test func traceTakesAnOldNameAndSaysWhenTheVariantWasRemovedAndCameBack() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    for (date, text) in [
      ("2023-01-01", "A Product Manager."), ("2024-01-01", "A Principal Engineer."),
    ] {
      try #require(
        try sandbox.biostore("save", "bio", "--date", date, "-m", date, stdin: text).status == 0)
    }
    try #require(try sandbox.biostore("mv", "bio", "sketch").status == 0)

    let old = try sandbox.biostore("trace", "Principal Engineer", "--variant", "bio")
    try #require(try sandbox.biostore("rm", "sketch").status == 0)
    let removed = try sandbox.biostore("trace", "Principal Engineer", "--json")
    try #require(
      try sandbox.biostore("save", "sketch", "-m", "back", stdin: "A Principal Engineer, again.")
        .status == 0)
    let back = try sandbox.biostore("trace", "Principal Engineer", "--json")

    // The old name is traced as the variant it became, whose history holds the old name's.
    #expect(old.status == 0, "\(old.stderr)")
    #expect(old.stdout.contains("sketch (still says it)"))
    #expect(old.stdout.contains("appeared  2024-01-01"))
    #expect(old.stdout.contains("(as bio)"))
    let gone = try #require(
      try JSONSerialization.jsonObject(with: Data(removed.stdout.utf8)) as? [[String: Any]])
    #expect(gone.first?["saysItNow"] as? Bool == false)
    #expect(gone.first?["removed"] as? Bool == true)
    #expect(changes(gone) == ["appeared", "removed"])
    // git's own record agrees on the commit that removed it.
    let removal = try sandbox.git("log", "-1", "--diff-filter=D", "--format=%H", "--", "sketch.md")
    #expect(ids(gone).last == removal.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    let again = try #require(
      try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as? [[String: Any]])
    #expect(changes(again) == ["appeared", "removed", "returned"])
    #expect(again.first?["saysItNow"] as? Bool == true)
  }

  private func changes(_ traces: [[String: Any]]) -> [String] {
    (traces.first?["changes"] as? [[String: Any]] ?? []).compactMap { $0["change"] as? String }
  }

  private func ids(_ traces: [[String: Any]]) -> [String] {
    (traces.first?["changes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
  }

  @Test func aFIFOWhereTheTokenCacheLivesNeitherHangsNorChangesTheAnswer() throws {
    let sandbox = try store(saying: Array("A Principal Engineer.\n".utf8))
    let cache = sandbox.store + "/.git/biostore/index/tokens"
    try? FileManager.default.removeItem(atPath: cache)
    try #require(mkfifo(cache, 0o644) == 0)

    let traced = try sandbox.biostore("trace", "Principal Engineer")

    #expect(traced.status == 0)
    #expect(traced.stdout.contains("appeared"))
    var status = stat()
    #expect(lstat(cache, &status) == 0 && status.st_mode & S_IFMT == S_IFREG, "replaced by a file")
  }

  @Test func anEmptyFolderWhereTheTokenCacheLivesIsReplaced() throws {
    let sandbox = try store(saying: Array("A Principal Engineer.\n".utf8))
    let cache = sandbox.store + "/.git/biostore/index/tokens"
    try? FileManager.default.removeItem(atPath: cache)
    try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)

    let traced = try sandbox.biostore("trace", "Principal Engineer")

    #expect(traced.status == 0)
    var isFolder: ObjCBool = false
    #expect(
      FileManager.default.fileExists(atPath: cache, isDirectory: &isFolder) && !isFolder.boolValue)
  }

  @Test func aTagWithTwoLimitsSaysWhichItUses() throws {
    let sandbox = try store(saying: Array("A Principal Engineer at Microsoft.\n".utf8))
    try #require(
      try sandbox.git(
        "tag", "-a", "engagements/cfp", "-m",
        "CfP\n\nVariant: bio\nLimit: 3 words\nLimit: 100 words", "main"
      ).status == 0)

    let listed = try sandbox.biostore("engagements")

    #expect(listed.status == 0)
    #expect(
      listed.stderr.contains("two Limit trailers ('3 words' and '100 words'); '3 words' is used"))
  }
}

import Foundation
import Testing

/// End-to-end: content git allows but no biostore test made — deep chains of tags, identities with newlines and angle brackets — is read as git reads it and never makes an object `git fsck --strict` rejects.
@Suite struct HostileGitContentTests {
  @Test func anEngagementTaggedThroughNineAnnotatedTagsIsRead() throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    let tip = try sandbox.git("rev-parse", "HEAD").stdout.trimmingCharacters(in: .newlines)
    // Stock git makes each tag of the one before, then names the last as an engagement.
    try #require(try sandbox.git("tag", "-a", "-m", "Date: 2025-11-16", "t1", tip).status == 0)
    for depth in 2...9 {
      try #require(
        try sandbox.git("tag", "-a", "-m", "level \(depth)", "t\(depth)", "t\(depth - 1)").status
          == 0)
    }
    try #require(
      try sandbox.git("update-ref", "refs/tags/engagements/sc25", "refs/tags/t9").status == 0)
    #expect(try sandbox.git("rev-parse", "engagements/sc25^{commit}").stdout == tip + "\n")

    let recall = try sandbox.biostore("recall", "sc25")
    let shown = try sandbox.biostore("show", "biosketch@sc25")

    #expect(recall.status == 0, "\(recall.stderr)")
    #expect(recall.stderr == "")
    #expect(recall.stdout.contains("Three more words."))
    #expect(shown.stdout == "Three more words.\n")
  }

  @Test func aTagThatPeelsToATreeIsReportedNotFollowed() throws {
    let sandbox = try Sandbox.withThreeBiosketches()
    try #require(try sandbox.git("tag", "-a", "-m", "a tree", "t1", "HEAD^{tree}").status == 0)
    try #require(try sandbox.git("tag", "-a", "-m", "of it", "t2", "t1").status == 0)
    try #require(
      try sandbox.git("update-ref", "refs/tags/engagements/odd", "refs/tags/t2").status == 0)

    let listing = try sandbox.biostore("engagements")

    #expect(listing.stderr.contains("engagement odd: the tag does not point at a commit"))
    #expect(listing.stderr.split(separator: "\n").count == 1)
  }

  /// Names as a careless config or `$USER` may hold them, each with what stock git records.
  static let identities: [(name: String, email: String)] = [
    ("Eve\nEvil <x>", "eve@example.org\n"),
    ("  <Mallory>, ", "<m@example.org>"),
    ("Tab\tand\u{7}bell", "t@example.org"),
  ]

  @Test(arguments: 0..<identities.count)
  func anIdentityWithLineBreaksOrBracketsMakesCommitsGitAccepts(case number: Int) throws {
    let (name, email) = HostileGitContentTests.identities[number]
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.git("config", "user.name", name).status == 0)
    try #require(try sandbox.git("config", "user.email", email).status == 0)

    let saved = try sandbox.biostore("save", "bio", stdin: "Hello.\n")
    let tagged = try sandbox.biostore("tag", "sc25", "bio", "--date", "2025-11-16")

    #expect(saved.status == 0, "\(saved.stderr)")
    #expect(tagged.status == 0, "\(tagged.stderr)")
    let fsck = try sandbox.git("fsck", "--strict")
    #expect(fsck.status == 0, "\(fsck.stderr)")
    #expect(try sandbox.biostore("show", "bio@sc25").stdout == "Hello.\n")
    let recorded = try sandbox.git("log", "-1", "--format=%an|%ae").stdout
    #expect(!recorded.dropLast().contains("\n"))
    #expect(!recorded.contains("<") && !recorded.contains(">"))
    // Stock git, given the same identity, would have recorded the same name: its own ident.c is the oracle.
    let stock = try sandbox.git(
      in: sandbox.store,
      ["-c", "user.name=\(name)", "-c", "user.email=\(email)", "var", "GIT_AUTHOR_IDENT"],
      extraEnvironment: ["GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email])
    if stock.status == 0 {
      let ident = stock.stdout.split(separator: " <").first.map(String.init) ?? ""
      #expect(recorded.hasPrefix(ident + "|"), "git records '\(ident)'")
    }
  }

  @Test func aUserNameWithANewlineAndNoConfigMakesCommitsGitAccepts() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)

    let saved = try sandbox.biostore(
      "save", "bio", stdin: "Hello.\n", extraEnvironment: ["USER": "eve\nroot<x>"])

    #expect(saved.status == 0, "\(saved.stderr)")
    #expect(try sandbox.git("fsck", "--strict").status == 0)
    #expect(
      try sandbox.git("log", "-1", "--format=%an|%ae").stdout == "everootx|everootx@localhost\n")
  }
}

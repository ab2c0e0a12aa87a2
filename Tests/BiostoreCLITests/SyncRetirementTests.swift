import Foundation
import Testing

/// End-to-end: an engagement retired (`untag`) on one machine is retired on the server and on every other copy, never brought back by the next pull, and never deleted over a record someone else made since.
extension SyncTests {
  @Test(arguments: Transport.allCases)
  func anEngagementRetiredOnOneMachineIsRetiredOnTheOther(transport: Transport) throws {
    let (server, _, a, b) = try twoCopies(over: transport)
    let record = try a.git("rev-parse", "refs/tags/engagements/talk").stdout
    try #require(try b.biostore("untag", "talk").status == 0)

    let bSync = try b.biostore("sync")
    let aSync = try a.biostore("sync")
    let bAgain = try b.biostore("sync")

    #expect(bSync.status == 0, "\(bSync.stderr)")
    #expect(bSync.stdout.contains("Retired on origin, as here: talk"))
    #expect(aSync.status == 0, "\(aSync.stderr)")
    #expect(aSync.stderr.contains("engagement talk was retired on origin; retired here too"))
    #expect(bAgain.status == 0, "\(bAgain.stderr)")
    #expect(!bAgain.stdout.contains("New engagements"))
    let onServer = try a.git(
      "--git-dir", server.folder(of: "bios.git").path, "for-each-ref", "refs/tags/")
    #expect(onServer.status == 0)
    #expect(onServer.stdout.isEmpty)
    for copy in [a, b] {
      #expect(try copy.biostore("engagements").stdout.isEmpty)
      #expect(try copy.git("rev-parse", "refs/biostore/replaced/talk/1").stdout == record)
      #expect(try copy.git("fsck", "--strict").status == 0)
    }
    #expect(try reading(a) == reading(b))
    withExtendedLifetime(server) {}
  }

  @Test func aRetirementIsNotPushedOverARecordMadeElsewhereSince() throws {
    let (daemon, url, a, b) = try twoCopies()
    try #require(try a.biostore("untag", "talk").status == 0)
    try #require(try b.biostore("tag", "--edit", "talk", "--note", "From B").status == 0)
    try #require(try b.biostore("push").status == 0)

    let pushed = try a.biostore("push")
    let synced = try a.biostore("sync")

    #expect(pushed.status == 1)
    #expect(pushed.stderr.contains("changed on the server since it was last fetched"))
    #expect(pushed.stderr.contains("run `biostore pull` first"))
    #expect(pushed.stderr.split(separator: "\n").count == 1)
    #expect(synced.status == 0, "\(synced.stderr)")
    #expect(try a.biostore("engagements", "--json").stdout.contains("From B"))
    #expect(try a.git("ls-remote", url, "refs/tags/engagements/talk").stdout.isEmpty == false)
    withExtendedLifetime(daemon) {}
  }
}

/// End-to-end, over a bare repository on disk: what the first outside attack on sync found, each fixed.
@Suite struct SyncEdgeTests {
  /// A bare `srv.git` in `a`'s folder, a store A that pushed one version to it, and a store B cloned from it.
  func twoCopies() throws -> (url: String, a: Sandbox, b: Sandbox) {
    let a = try Sandbox()
    let url = a.root.appendingPathComponent("srv.git").path
    try #require(
      try a.git(in: a.root.path, ["init", "-q", "--bare", "-b", "main", url]).status == 0)
    try #require(try a.biostore("init").status == 0)
    try #require(
      try a.biostore("save", "bio", "--date", "2020-01-01", stdin: "Base.\n").status == 0)
    try #require(try a.biostore("remote", "add", "origin", url).status == 0)
    try #require(try a.biostore("push").status == 0)
    let b = try Sandbox()
    try #require(try b.biostore("clone", url).status == 0)
    return (url, a, b)
  }

  @Test func undoingAPullNeverRetiresAnEngagementItBroughtIn() throws {
    let (url, a, b) = try twoCopies()
    try #require(try b.biostore("save", "bio", "--date", "2022-01-01", stdin: "B.\n").status == 0)
    try #require(try b.biostore("tag", "b22", "bio").status == 0)
    try #require(try b.biostore("push").status == 0)
    try #require(try a.biostore("save", "bio", "--date", "2021-01-01", stdin: "A.\n").status == 0)
    try #require(try a.biostore("pull").status == 0)
    try #require(try a.biostore("undo").status == 0)

    let pulled = try a.biostore("pull")
    let pushed = try a.biostore("push")

    #expect(pulled.stdout.contains("New engagements: b22"))
    #expect(!pushed.stdout.contains("Retired"))
    #expect(try a.git("ls-remote", url, "refs/tags/engagements/b22").stdout.isEmpty == false)
  }

  @Test func aFetchBeforeAKilledPullDoesNotHideARetirement() throws {
    let (url, a, b) = try twoCopies()
    try #require(try a.biostore("tag", "talk", "bio").status == 0)
    try #require(try a.biostore("push").status == 0)
    try #require(try b.biostore("pull").status == 0)
    try #require(try a.biostore("untag", "talk").status == 0)
    try #require(try a.biostore("push").status == 0)
    // What a pull killed after its fetch leaves: the remote-tracking tags brought up to date.
    try #require(
      try b.git(
        "fetch", "-q", url, "+refs/tags/engagements/*:refs/biostore/remotes/origin/engagements/*"
      ).status == 0)

    let pulled = try b.biostore("pull")
    let pushed = try b.biostore("push")

    #expect(pulled.stderr.contains("engagement talk was retired on origin; retired here too"))
    #expect(try b.biostore("engagements").stdout.isEmpty)
    #expect(!pushed.stdout.contains("talk"))
    #expect(try a.git("ls-remote", url, "refs/tags/engagements/").stdout.isEmpty)
  }

  @Test func anEngagementTagOnABlobDoesNotStopLaterPulls() throws {
    let (url, a, b) = try twoCopies()
    let work = a.root.appendingPathComponent("work").path
    try #require(try a.git(in: a.root.path, ["clone", "-q", url, work]).status == 0)
    let blob = try a.git(in: work, ["rev-parse", "HEAD:bio.md"]).stdout.trimmingCharacters(
      in: .whitespacesAndNewlines)
    try #require(
      try a.git(
        in: work,
        [
          "-c", "user.name=X", "-c", "user.email=x@y", "tag", "-a", "engagements/onblob",
          "-m", "blob", blob,
        ]
      ).status == 0)
    try #require(try a.git(in: work, ["push", "-q", "origin", "--tags"]).status == 0)
    try #require(try b.biostore("pull").status == 0)
    try #require(
      try a.biostore("save", "bio", "--date", "2021-01-01", stdin: "Later.\n").status == 0)
    try #require(try a.biostore("push").status == 0)

    let pulled = try b.biostore("pull")

    #expect(pulled.status == 0, "\(pulled.stderr)")
    #expect(try b.biostore("show", "bio").stdout == "Later.\n")
    #expect(try b.git("for-each-ref", "refs/biostore/remotes/").stdout.contains("onblob") == false)
  }

  @Test func filesThatAreNotVariantsArriveAndLeaveTheStatusClean() throws {
    let (url, a, b) = try twoCopies()
    let work = a.root.appendingPathComponent("work").path
    try #require(try a.git(in: a.root.path, ["clone", "-q", url, work]).status == 0)
    try "Notes.\n".write(toFile: work + "/NOTES.md", atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(atPath: work + "/d", withIntermediateDirectories: true)
    try "y\n".write(toFile: work + "/d/y.md", atomically: true, encoding: .utf8)
    try #require(try a.git(in: work, ["add", "."]).status == 0)
    try #require(
      try a.git(in: work, ["-c", "user.name=X", "-c", "user.email=x@y", "commit", "-qm", "files"])
        .status == 0)
    try #require(try a.git(in: work, ["push", "-q"]).status == 0)

    let pulled = try b.biostore("pull")
    let c = try Sandbox()
    let cloned = try c.biostore("clone", url)

    #expect(pulled.status == 0, "\(pulled.stderr)")
    #expect(cloned.status == 0, "\(cloned.stderr)")
    for copy in [b, c] {
      #expect(try copy.git("status", "--porcelain").stdout.isEmpty)
      #expect(FileManager.default.fileExists(atPath: copy.store + "/d/y.md"))
    }
  }

  @Test func theSameTextSavedEarlierHereIsSaidToBeLeftOut() throws {
    let (_, a, b) = try twoCopies()
    try #require(
      try b.biostore("save", "bio", "--date", "2023-01-01", stdin: "Same.\n").status == 0)
    try #require(
      try a.biostore("save", "bio", "--date", "2023-01-10", stdin: "Same.\n").status == 0)
    try #require(try a.biostore("push").status == 0)

    let pulled = try b.biostore("pull")

    #expect(pulled.status == 0)
    #expect(pulled.stdout.contains("this store's own were there already"))
    #expect(pulled.stderr.contains("version of bio as of 2023-01-01"))
    #expect(pulled.stderr.contains("has the same text as one origin has"))
  }

  @Test func aRelativeRemotePathMeansTheSameFolderFromAnywhere() throws {
    let (url, a, _) = try twoCopies()
    let folder = URL(fileURLWithPath: url).deletingLastPathComponent().path
    let added = try a.shell(
      "cd '\(folder)' && '\(Sandbox.binary)' remote add again srv.git && cd / && '\(Sandbox.binary)' push again"
    )
    let listed = try a.biostore("remote", "list").stdout

    #expect(added.status == 0, "\(added.stderr)")
    #expect(
      listed.split(separator: "\n").contains {
        $0.hasPrefix("again ")
          && $0.hasSuffix(" " + URL(fileURLWithPath: url).standardizedFileURL.path)
      })
    #expect(try a.biostore("remote", "add", "empty", "").status == 2)
  }

  @Test func aBackdatedSaveAfterARenameComparesWithTheVersionNotTheRename() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(
      try sandbox.biostore("save", "bio", "--date", "2020-01-01", stdin: "v1\n").status == 0)
    try #require(try sandbox.biostore("mv", "bio", "speaker").status == 0)

    let saved = try sandbox.biostore("save", "speaker", "--date", "2021-01-01", stdin: "v2\n")
    let older = try sandbox.biostore("save", "speaker", "--date", "2019-01-01", stdin: "v0\n")

    #expect(saved.status == 0, "\(saved.stderr)")
    #expect(older.status == 1)
    #expect(older.stderr.contains("2021-01-01"))
  }
}

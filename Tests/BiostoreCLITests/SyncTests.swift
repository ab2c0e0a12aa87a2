import Foundation
import Testing

/// How a test's two stores reach their server.
enum Transport: String, CaseIterable, Sendable {
  /// `git://` through `git daemon`.
  case daemon
  /// `http://` through `git http-backend` behind lighttpd, with Basic auth from `~/.git-credentials`.
  case http
  /// `ssh://` through `sshd`, with an ed25519 key and `known_hosts`.
  case ssh
}

/// A server a test can make bare repositories on and let sandboxes in.
protocol TestRemote: AnyObject {
  /// Makes an empty bare repository `name` and returns the URL the transport reaches it by.
  func repository(_ name: String) throws -> String
  /// Gives `sandbox`'s home what this server asks of a client (a key, a password, a known host).
  func admit(_ sandbox: Sandbox) throws
  /// Where bare repository `name` is on disk, for a hook.
  func folder(of name: String) -> URL
  /// Stops the server, as one going down would.
  func stop()
}

extension GitDaemon: TestRemote {
  func repository(_ name: String) throws -> String { try bareRepository(name) }
  func admit(_ sandbox: Sandbox) throws {}
  func folder(of name: String) -> URL { root.appendingPathComponent(name) }
}

extension WebServer: TestRemote {
  func repository(_ name: String) throws -> String { try bareRepository(name).http }
  func admit(_ sandbox: Sandbox) throws {
    try "http://tester:secret@127.0.0.1:\(httpPort)\n".write(
      to: sandbox.root.appendingPathComponent(".git-credentials"), atomically: true,
      encoding: .utf8)
  }
  func folder(of name: String) -> URL { repositories.appendingPathComponent(name) }
}

extension SSHServer: TestRemote {
  func repository(_ name: String) throws -> String { try bareRepository(name) }
  func admit(_ sandbox: Sandbox) throws { try admit(sandbox, trusting: true) }
  func folder(of name: String) -> URL { folder.appendingPathComponent(name) }
}

/// End-to-end: two stores sync through real servers on loopback (`git daemon`, `git http-backend` behind lighttpd, `sshd`); every version ends up on both, the line stays linear, and refusals are failures in one clear line.
@Suite struct SyncTests {
  /// Everything a person reads of a store, for comparing two copies.
  func reading(_ sandbox: Sandbox) throws -> [String] {
    var lines: [String] = []
    for variant in ["biosketch", "statement", "short"] {
      lines.append(try sandbox.biostore("history", variant, "--json").stdout)
    }
    lines.append(try sandbox.biostore("engagements", "--json").stdout)
    lines.append(try sandbox.biostore("list", "--all").stdout)
    return lines
  }

  /// A daemon with an empty `bios.git`, a store A that pushed two versions and an engagement to it, and a store B cloned from it.
  func twoCopies() throws -> (daemon: GitDaemon, url: String, a: Sandbox, b: Sandbox) {
    let a = try Sandbox()
    let daemon = try GitDaemon(serving: a.root.appendingPathComponent("server"))
    let (url, b) = try pushAndClone(a, through: daemon)
    return (daemon, url, a, b)
  }

  /// The same two copies through the server `transport` names.
  func twoCopies(over transport: Transport) throws -> (
    server: any TestRemote, url: String, a: Sandbox, b: Sandbox
  ) {
    let a = try Sandbox()
    let folder = a.root.appendingPathComponent("server")
    let server: any TestRemote =
      switch transport {
      case .daemon: try GitDaemon(serving: folder)
      case .http: try WebServer(in: folder)
      case .ssh: try SSHServer(in: folder)
      }
    let (url, b) = try pushAndClone(a, through: server)
    return (server, url, a, b)
  }

  /// Makes `bios.git` on `server`, has a new store A push two versions and an engagement to it, and clones it as B.
  func pushAndClone(_ a: Sandbox, through server: any TestRemote) throws -> (String, Sandbox) {
    let url = try server.repository("bios.git")
    try server.admit(a)
    try #require(try a.biostore("init").status == 0)
    try #require(
      try a.biostore("save", "biosketch", "--date", "2019-12-02", stdin: "At NERSC.\n").status == 0)
    try #require(
      try a.biostore("save", "statement", "--date", "2020-01-01", stdin: "Research.\n").status == 0)
    try #require(try a.biostore("tag", "talk", "biosketch", "statement").status == 0)
    try #require(try a.biostore("remote", "add", "origin", url).status == 0)
    let pushed = try a.biostore("push")
    try #require(pushed.status == 0, "\(pushed.stderr)")
    let b = try Sandbox()
    try server.admit(b)
    let cloned = try b.biostore("clone", url)
    try #require(cloned.status == 0, "\(cloned.stderr)")
    return (url, b)
  }

  @Test(arguments: Transport.allCases)
  func aCloneReadsTheSameAsTheStoreThatPushed(transport: Transport) throws {
    let (daemon, url, a, b) = try twoCopies(over: transport)

    #expect(try reading(b) == reading(a))
    #expect(try b.git("rev-parse", "HEAD").stdout == a.git("rev-parse", "HEAD").stdout)
    #expect(try b.git("config", "biostore.store").stdout == "true\n")
    #expect(try b.biostore("remote", "list").stdout == "origin  \(url)\n")
    #expect(try b.git("status", "--porcelain").stdout.isEmpty)
    #expect(try b.git("fsck", "--strict").status == 0)
    withExtendedLifetime(daemon) {}
  }

  @Test(arguments: Transport.allCases)
  func bothSidesSaveThenSyncBothWaysKeepsEveryVersionLinear(transport: Transport) throws {
    let (daemon, _, a, b) = try twoCopies(over: transport)
    try #require(
      try a.biostore("save", "biosketch", "--date", "2024-01-16", stdin: "At Microsoft.\n").status
        == 0)
    try #require(try a.biostore("tag", "panel", "biosketch").status == 0)
    try #require(try a.biostore("push").status == 0)
    try #require(
      try b.biostore("save", "biosketch", "--date", "2024-04-08", stdin: "An engineer.\n").status
        == 0)
    try #require(
      try b.biostore("save", "short", "--date", "2024-05-01", stdin: "Short.\n").status == 0)
    try #require(try b.biostore("tag", "keynote", "short").status == 0)

    let refused = try b.biostore("push")
    let bSync = try b.biostore("sync")
    let aSync = try a.biostore("sync")

    #expect(refused.status == 1)
    #expect(refused.stderr.contains("run `biostore pull origin`"))
    #expect(bSync.status == 0, "\(bSync.stderr)")
    #expect(bSync.stdout.contains("wrote this store's 2 again on top"))
    #expect(bSync.stderr.contains("biosketch was saved on both sides"))
    #expect(aSync.status == 0, "\(aSync.stderr)")
    #expect(try reading(a) == reading(b))
    #expect(
      try a.git("log", "--format=%as", "--", "biosketch.md").stdout
        == "2024-04-08\n2024-01-16\n2019-12-02\n")
    #expect(try a.biostore("show", "short@keynote").stdout == "Short.\n")
    for copy in [a, b] {
      #expect(try copy.git("rev-list", "--merges", "HEAD").stdout.isEmpty)
      #expect(try copy.git("fsck", "--strict").status == 0)
      #expect(try copy.git("status", "--porcelain").stdout.isEmpty)
    }
    withExtendedLifetime(daemon) {}
  }

  @Test(arguments: Transport.allCases)
  func anEngagementRecordedDifferentlyOnBothSidesKeepsBoth(transport: Transport) throws {
    let (daemon, _, a, b) = try twoCopies(over: transport)
    try #require(try a.biostore("tag", "sc26", "biosketch", "--title", "From A").status == 0)
    try #require(try a.biostore("push").status == 0)
    try #require(try b.biostore("tag", "sc26", "statement", "--title", "From B").status == 0)

    let pulled = try b.biostore("pull")

    #expect(pulled.status == 0, "\(pulled.stderr)")
    #expect(pulled.stderr.contains("engagement sc26 was recorded differently"))
    #expect(try b.biostore("engagements", "--json").stdout.contains("From A"))
    let kept = try b.git(
      "for-each-ref", "--format=%(contents:subject)", "refs/biostore/replaced/sc26/"
    ).stdout
    #expect(kept == "From B\n")
    withExtendedLifetime(daemon) {}
  }

  @Test(arguments: Transport.allCases)
  func anOlderLocalVersionGoesOnTopAndTheRemotesNewerOneAgainAboveIt(transport: Transport) throws {
    let (server, _, a, b) = try twoCopies(over: transport)
    try #require(
      try a.biostore(
        "save", "biosketch", "--date", "2024-04-08", "-m", "Desktop", stdin: "Newer.\n"
      )
      .status == 0)
    try #require(try a.biostore("push").status == 0)
    try #require(
      try b.biostore("save", "biosketch", "--date", "2022-06-15", "-m", "Laptop", stdin: "Older.\n")
        .status == 0)
    try #require(try b.biostore("tag", "cfp", "biosketch").status == 0)

    let bSync = try b.biostore("sync")
    let aPull = try a.biostore("pull")

    #expect(bSync.status == 0, "\(bSync.stderr)")
    #expect(bSync.stderr.contains("this store's version is the older; both are kept"))
    #expect(aPull.status == 0, "\(aPull.stderr)")
    for copy in [a, b] {
      #expect(try copy.biostore("show", "biosketch").stdout == "Newer.\n")
      #expect(try copy.biostore("show", "biosketch@2023-01-01").stdout == "Older.\n")
      #expect(try copy.biostore("show", "biosketch@cfp").stdout == "Older.\n")
      #expect(
        try copy.git("log", "--format=%as %s", "--", "biosketch.md").stdout
          .hasPrefix("2024-04-08 Again on top: Desktop\n2022-06-15 Laptop\n2024-04-08 Desktop\n"))
      #expect(try copy.git("rev-list", "--merges", "HEAD").stdout.isEmpty)
      #expect(try copy.git("fsck", "--strict").status == 0)
    }
    #expect(try reading(a) == reading(b))
    withExtendedLifetime(server) {}
  }

  @Test(arguments: Transport.allCases)
  func aServerThatIsDownIsOneClearLine(transport: Transport) throws {
    let (server, _, a, _) = try twoCopies(over: transport)
    server.stop()

    let pushed = try a.biostore("push")
    let pulled = try a.biostore("pull")
    let unknown = try a.biostore("pull", "nowhere")

    for outcome in [pushed, pulled] {
      #expect(outcome.status == 1)
      #expect(outcome.stderr.hasPrefix("biostore: error: cannot "))
      #expect(outcome.stderr.contains("Connection refused"))
      #expect(outcome.stderr.split(separator: "\n").count == 1)
    }
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("no remote named nowhere; it has origin"))
  }

  @Test(arguments: Transport.allCases)
  func aForcedPushKeepsWhatItReplacedAndAHookRefusalIsAFailure(transport: Transport) throws {
    let (server, _, a, b) = try twoCopies(over: transport)
    try #require(
      try a.biostore("save", "biosketch", "--date", "2024-01-16", stdin: "At Microsoft.\n").status
        == 0)
    try #require(try a.biostore("push").status == 0)
    let aTip = try a.git("rev-parse", "HEAD").stdout
    try #require(
      try b.biostore("save", "short", "--date", "2024-05-01", stdin: "Short.\n").status == 0)

    let forced = try b.biostore("push", "--force")
    let hook = server.folder(of: "bios.git").appendingPathComponent("hooks/pre-receive").path
    try "#!/bin/sh\necho 'refused by policy' >&2\nexit 1\n".write(
      toFile: hook, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
    try #require(try b.biostore("save", "short", stdin: "Shorter.\n").status == 0)
    let hooked = try b.biostore("push")

    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(
      try b.git("rev-parse", "refs/biostore/replaced/refs/remotes/origin/main/1").stdout == aTip)
    #expect(
      try a.git("--git-dir", server.folder(of: "bios.git").path, "rev-parse", "main").stdout
        == b.git("rev-parse", "HEAD~1").stdout)
    #expect(hooked.status == 1)
    #expect(hooked.stderr.contains("origin refused refs/heads/main"))
    #expect(hooked.stderr.split(separator: "\n").count == 1)
    withExtendedLifetime(server) {}
  }

  @Test func rewritingWhatARemoteHasIsRefusedUnlessAskedFor() throws {
    let (daemon, _, a, _) = try twoCopies()
    let head = try a.git("rev-parse", "HEAD").stdout

    let amend = try a.biostore("amend", "biosketch", "-m", "Better words")
    // Taking back the tag moves no commit; taking back the save before it would.
    let undoTag = try a.biostore("undo")
    let undo = try a.biostore("undo")
    let insert = try a.biostore(
      "save", "biosketch", "--date", "2019-01-01", "--insert", stdin: "Earlier.\n")
    let allowed = try a.biostore("amend", "biosketch", "-m", "Better words", "--rewrite-shared")

    for refused in [amend, undo, insert] {
      #expect(refused.status == 1)
      #expect(refused.stderr.contains("would replace commits that origin/main already has"))
    }
    #expect(undoTag.status == 0, "\(undoTag.stderr)")
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(try a.git("rev-parse", "HEAD").stdout != head)
    withExtendedLifetime(daemon) {}
  }

  @Test func anEngagementEditedOnOneMachineReachesTheOther() throws {
    let (daemon, _, a, b) = try twoCopies()
    try #require(try b.biostore("tag", "--edit", "talk", "--note", "From B").status == 0)

    let bSync = try b.biostore("sync")
    let aPull = try a.biostore("pull")

    #expect(bSync.status == 0, "\(bSync.stderr)")
    #expect(bSync.stderr.contains("engagement talk was edited here"))
    #expect(bSync.stdout.contains("Pushed to origin: talk"))
    #expect(aPull.status == 0, "\(aPull.stderr)")
    for copy in [a, b] {
      #expect(try copy.biostore("engagements", "--json").stdout.contains("From B"))
    }
    withExtendedLifetime(daemon) {}
  }

  @Test func aDifferingEngagementOnAVersionWrittenAgainIsKeptOnce() throws {
    let (daemon, _, a, b) = try twoCopies()
    try #require(
      try a.biostore("save", "statement", "--date", "2021-01-01", stdin: "From A.\n").status == 0)
    try #require(try a.biostore("tag", "sc26", "statement", "--title", "From A").status == 0)
    try #require(try a.biostore("push").status == 0)
    try #require(
      try b.biostore("save", "short", "--date", "2022-01-01", stdin: "From B.\n").status == 0)
    try #require(try b.biostore("tag", "sc26", "short", "--title", "From B").status == 0)

    let pulled = try b.biostore("pull")

    #expect(pulled.status == 0, "\(pulled.stderr)")
    #expect(pulled.stderr.contains("engagement sc26 was recorded differently"))
    #expect(try b.biostore("engagements", "--json").stdout.contains("From A"))
    #expect(
      try b.git("for-each-ref", "--format=%(contents:subject)", "refs/biostore/replaced/sc26/")
        .stdout == "From B\n")
    #expect(try b.biostore("show", "short").stdout == "From B.\n")
    #expect(try b.git("fsck", "--strict").status == 0)
    #expect(!FileManager.default.fileExists(atPath: b.store + "/.git/biostore/journal"))
    withExtendedLifetime(daemon) {}
  }
}

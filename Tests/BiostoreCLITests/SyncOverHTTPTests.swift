import Foundation
import Testing

/// End-to-end: push and clone through `git http-backend` behind lighttpd with Basic auth, on HTTP and on HTTPS with a self-signed certificate; a wrong password, missing credentials and an untrusted certificate are one clear line each.
@Suite struct SyncOverHTTPTests {
  let credentials = ["BIOSTORE_USER": "tester", "BIOSTORE_TOKEN": "secret"]

  /// A store with two versions and an engagement, its remote the server's `bios.git` over plain HTTP.
  func storeAndServer() throws -> (server: WebServer, https: String, store: Sandbox) {
    let store = try Sandbox()
    let server = try WebServer(in: store.root.appendingPathComponent("web"))
    let (http, https) = try server.bareRepository("bios.git")
    try #require(try store.biostore("init").status == 0)
    try #require(
      try store.biostore("save", "biosketch", "--date", "2019", stdin: "At NERSC.\n").status == 0)
    try #require(
      try store.biostore("save", "biosketch", "--date", "2024", stdin: "At Microsoft.\n").status
        == 0)
    try #require(try store.biostore("tag", "talk", "biosketch@2019").status == 0)
    try #require(try store.biostore("remote", "add", "origin", http).status == 0)
    return (server, https, store)
  }

  @Test func pushOverHTTPThenCloneOverHTTPSGivesTheSameStore() throws {
    let (server, https, store) = try storeAndServer()
    let copy = try Sandbox()

    let pushed = try store.biostore("push", extraEnvironment: credentials)
    let cloned = try copy.biostore(
      "clone", https,
      extraEnvironment: credentials.merging(["SSL_CERT_FILE": server.certificate]) { $1 })

    #expect(pushed.status == 0, "\(pushed.stderr)")
    #expect(pushed.stdout == "Pushed to origin: main, talk\n")
    #expect(cloned.status == 0, "\(cloned.stderr)")
    #expect(
      try copy.biostore("history", "biosketch", "--json").stdout
        == store.biostore("history", "biosketch", "--json").stdout)
    #expect(try copy.biostore("show", "biosketch@talk").stdout == "At NERSC.\n")
    #expect(try copy.git("fsck", "--strict").status == 0)
  }

  @Test func refusedCredentialsAndAnUntrustedCertificateAreOneLineEach() throws {
    let (server, https, store) = try storeAndServer()
    let copy = try Sandbox()

    let none = try store.biostore("push")
    let wrong = try store.biostore(
      "push", extraEnvironment: ["BIOSTORE_USER": "tester", "BIOSTORE_TOKEN": "wrong"])
    let untrusted = try copy.biostore("clone", https, extraEnvironment: credentials)

    #expect(none.status == 1)
    #expect(none.stderr.contains("asks for credentials and none were given"))
    #expect(wrong.status == 1)
    #expect(wrong.stderr.contains("refused every credential offered (the password for tester)"))
    #expect(untrusted.status == 1)
    #expect(untrusted.stderr.contains("certificate is not signed by an authority"))
    #expect(!FileManager.default.fileExists(atPath: copy.store))
    for outcome in [none, wrong, untrusted] {
      #expect(outcome.stderr.split(separator: "\n").count == 1)
    }
    withExtendedLifetime(server) {}
  }

  @Test func aTokenInGitCredentialsIsUsedForItsHostOnly() throws {
    let (server, _, store) = try storeAndServer()
    let credentialsFile = store.root.appendingPathComponent(".git-credentials").path
    try "https://someone:else@example.org\nhttp://tester:secret@127.0.0.1:\(server.httpPort)\n"
      .write(toFile: credentialsFile, atomically: true, encoding: .utf8)

    let pushed = try store.biostore("push")

    #expect(pushed.status == 0, "\(pushed.stderr)")
    #expect(pushed.stdout.hasPrefix("Pushed to origin: main"))
  }
}

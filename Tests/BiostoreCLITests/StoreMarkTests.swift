import Foundation
import Testing

/// End-to-end: only a repository `biostore init` marked is a store; a website or project repository is refused, untouched, until `init --adopt`.
@Suite struct StoreMarkTests {
  /// A sandbox whose store path holds a website's git repository, made with stock git.
  func website() throws -> Sandbox {
    let sandbox = try Sandbox()
    try sandbox.git(in: sandbox.root.path, ["init", "-q", "-b", "main", sandbox.store])
    for (name, text) in [("README.md", "# My site\n"), ("index.md", "Welcome.\n")] {
      try text.write(toFile: sandbox.store + "/" + name, atomically: true, encoding: .utf8)
    }
    try sandbox.git("add", ".")
    try sandbox.git("commit", "-qm", "Site")
    return sandbox
  }

  @Test func aRepositoryBiostoreDidNotMakeIsRefusedAndLeftAsItWas() throws {
    let sandbox = try website()
    // A user's own config saying so does not make every repository a store.
    _ = try sandbox.file(".gitconfig", "[biostore]\n\tstore = true\n")
    let tip = try sandbox.git("rev-parse", "HEAD").stdout

    let saved = try sandbox.biostore("save", "biosketch", stdin: "Bio.\n")
    let listed = try sandbox.biostore("list")
    let initialised = try sandbox.biostore("init")

    for refused in [saved, listed, initialised] {
      #expect(refused.status == 1)
      #expect(refused.stderr.contains("biostore init --adopt"), "\(refused.stderr)")
      #expect(refused.stderr.split(separator: "\n").count == 1)
    }
    #expect(try sandbox.git("rev-parse", "HEAD").stdout == tip)
    #expect(try sandbox.git("status", "--porcelain", "--ignored").stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: sandbox.store + "/.git/biostore"))
    #expect(try sandbox.git("config", "--local", "biostore.store").status == 1)
  }

  @Test func adoptMarksTheRepositoryAndItsFilesBecomeVariants() throws {
    let sandbox = try website()

    let adopted = try sandbox.biostore("init", "--adopt")
    let saved = try sandbox.biostore("save", "biosketch", "-m", "Bio", stdin: "Bio.\n")
    let listed = try sandbox.biostore("list").stdout

    #expect(adopted.status == 0 && adopted.stdout.contains("Adopted"))
    #expect(try sandbox.git("config", "--local", "biostore.store").stdout == "true\n")
    #expect(saved.status == 0)
    #expect(try sandbox.git("log", "--format=%s").stdout == "Bio\nSite\n")
    #expect(listed.contains("index") && listed.contains("biosketch"))
  }

  @Test func initMarksNewAndEmptyRepositoriesAndAStoreFromBeforeTheMarkStillOpens() throws {
    let fresh = try Sandbox()
    let empty = try Sandbox()
    try empty.git(in: empty.root.path, ["init", "-q", "-b", "main", empty.store])

    let created = try fresh.biostore("init")
    let marked = try empty.biostore("init")
    // A store made before the mark has biostore's own folder but no key.
    try #require(try fresh.biostore("save", "bio", stdin: "One.\n").status == 0)
    try fresh.git("config", "--unset", "biostore.store")
    let readUnmarked = try fresh.biostore("show", "bio")
    let savedUnmarked = try fresh.biostore("save", "bio", stdin: "Two.\n")

    #expect(created.status == 0)
    #expect(try fresh.git("config", "--local", "biostore.store").stdout == "true\n")
    #expect(marked.status == 0 && marked.stdout.contains("Made the empty git repository"))
    #expect(try empty.git("config", "--local", "biostore.store").stdout == "true\n")
    #expect(readUnmarked.stdout == "One.\n")
    #expect(savedUnmarked.status == 0)
    #expect(try fresh.git("config", "--local", "biostore.store").stdout == "true\n")
  }
}

import Foundation
import Testing

/// End-to-end: variant files are stored byte for byte and look clean to stock git whatever line-end or content filters git is configured with.
@Suite struct LineEndFilterTests {
  static let configurations: [(config: [String: String], attributes: String?)] = [
    (["core.autocrlf": "true"], nil),
    (["core.autocrlf": "input", "core.safecrlf": "true"], nil),
    (["core.autocrlf": "true", "core.safecrlf": "true"], "*.md text eol=crlf ident\n"),
    ([:], "*.md text eol=lf\n*.md ident\n"),
    (["core.eol": "crlf"], "* text=auto\n"),
  ]

  static let texts = [
    "Line one.\nLine two.\n", "Windows line one.\r\nWindows line two.\r\n",
    "Mixed.\r\nEnds.\n", "Keyword $Id$ and $Id: 1234 $ stay.\n",
  ]

  @Test(arguments: 0..<configurations.count)
  func everySavedTextIsStoredExactlyAndTheStoreStaysClean(configuration: Int) throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let (config, attributes) = LineEndFilterTests.configurations[configuration]
    if let attributes {
      try attributes.write(
        toFile: sandbox.store + "/.gitattributes", atomically: true, encoding: .utf8)
      try #require(try sandbox.git("add", ".gitattributes").status == 0)
      try #require(try sandbox.git("commit", "-qm", "attributes").status == 0)
    }
    // Set after the attributes are committed: core.safecrlf would refuse that LF file itself.
    for (key, value) in config { try #require(try sandbox.git("config", key, value).status == 0) }

    for (number, text) in LineEndFilterTests.texts.enumerated() {
      let outcome = try sandbox.biostore(["save", "bio"], stdinBytes: Array(text.utf8))

      #expect(outcome.status == 0, "\(number): \(outcome.stderr)")
      #expect(outcome.stderr == "")
      #expect(try sandbox.git("cat-file", "blob", "HEAD:bio.md").stdout == text)
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: sandbox.store + "/bio.md")) == Data(text.utf8))
      #expect(try sandbox.git("status", "--porcelain").stdout == "")
      #expect(try sandbox.git("diff", "--exit-code").status == 0)
    }
    // git's own checkout writes the file back unconverted too.
    unlink(sandbox.store + "/bio.md")
    #expect(try sandbox.git("checkout", "--", "bio.md").status == 0)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: sandbox.store + "/bio.md"))
        == Data(LineEndFilterTests.texts.last!.utf8))
    #expect(try sandbox.git("status", "--porcelain").stdout == "")
  }

  @Test func theAttributesLineIsAddedOnceAndTheUsersOwnLinesAreKept() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    let attributes = sandbox.store + "/.git/info/attributes"
    try "*.txt text\n".write(toFile: attributes, atomically: true, encoding: .utf8)

    try #require(try sandbox.biostore("save", "bio", stdin: "One.\n").status == 0)
    try #require(try sandbox.biostore("save", "bio", stdin: "Two.\n").status == 0)

    let lines = try String(contentsOfFile: attributes, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "*.txt text")
    #expect(lines.filter { $0.hasPrefix("/*.md -text") }.count == 1)
    #expect(
      try sandbox.git("check-attr", "text", "ident", "--", "bio.md").stdout
        == "bio.md: text: unset\nbio.md: ident: unset\n")
  }
}

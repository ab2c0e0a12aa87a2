import Foundation
import Testing

/// End-to-end: `list` lines up its columns, and shell completion offers the store's variant and engagement names and file names where a file goes.
@Suite struct ListAndCompletionTests {
  /// A store with a long-named variant of 12 versions, a one-version one, and a removed one.
  func store() throws -> Sandbox {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    for year in 2010..<2022 {
      try #require(
        try sandbox.biostore(
          "save", "research-statement", "--date", "\(year)", stdin: "Statement of \(year).\n"
        ).status == 0)
    }
    try #require(try sandbox.biostore("save", "bio", stdin: "One\n").status == 0)
    try #require(try sandbox.biostore("save", "old", stdin: "Gone.\n").status == 0)
    try #require(try sandbox.biostore("rm", "old").status == 0)
    try #require(try sandbox.biostore("tag", "sc24-tpc", "bio").status == 0)
    return sandbox
  }

  @Test func listColumnsLineUp() throws {
    let sandbox = try store()

    let lines = try sandbox.biostore("list", "--all").stdout.split(separator: "\n").map(String.init)

    #expect(lines.count == 3)
    // Where each line's date, count and word columns start.
    func starts(_ line: String) -> [Int] {
      let date = line.firstRange(of: /\d{4}-\d\d-\d\dT/)?.lowerBound
      let versions = line.firstRange(of: /versions?/)?.lowerBound
      let words = line.firstRange(of: /words?/)?.lowerBound
      return [date, versions, words].map {
        $0.map { line.distance(from: line.startIndex, to: $0) } ?? -1
      }
    }
    #expect(Set(lines.map(starts)).count == 1, "\(lines)")
    #expect(lines.contains { $0.contains(" 1 version ") && $0.contains(" 1 word ") })
    #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
  }

  @Test func completionOffersTheStoresNamesAndFilesForFile() throws {
    let sandbox = try store()
    func complete(_ command: String, _ word: String) throws -> [String] {
      try sandbox.biostore(
        "---completion", command, "--", "positional@0", "2", "\(word.count)", "biostore", command,
        word
      ).stdout.split(separator: "\n").map(String.init)
    }

    #expect(try complete("save", "") == ["bio", "research-statement"])
    #expect(try complete("show", "") == ["bio", "research-statement", "sc24-tpc"])
    #expect(try complete("show", "bio@") == ["bio@sc24-tpc"])
    #expect(try complete("tag", "") == ["sc24-tpc"])
    let elsewhere = try Sandbox()
    #expect(
      try elsewhere.biostore(
        "---completion", "show", "--", "positional@0", "2", "0", "biostore", "show", ""
      )
      .stdout.isEmpty)
    let bash = try sandbox.biostore("--generate-completion-script", "bash").stdout
    let zsh = try sandbox.biostore("--generate-completion-script", "zsh").stdout
    #expect(bash.contains("---completion save -- positional@0"))
    #expect(zsh.contains("'--file[Read the text from this file.]:file:_files'"))
  }
}

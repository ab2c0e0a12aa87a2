import Foundation
import Testing

/// End-to-end: a name renamed back and forth many times lists each version and each rename once, as quickly as a name renamed once.
@Suite struct RenamedBackAndForthTests {
  @Test func aVariantRenamedBackAndForthThirtyTimesListsEachVersionAndRenameOnce() throws {
    let sandbox = try Sandbox()
    try #require(try sandbox.biostore("init").status == 0)
    try #require(try sandbox.biostore("save", "a", stdin: "One.\n").status == 0)
    for _ in 1...30 {
      try #require(try sandbox.biostore("mv", "a", "b").status == 0)
      try #require(try sandbox.biostore("mv", "b", "a").status == 0)
    }
    try #require(try sandbox.biostore("save", "a", stdin: "Two.\n").status == 0)

    let list = try sandbox.biostore("list")
    let json = try sandbox.biostore("history", "a", "--json")
    let text = try sandbox.biostore("history", "a")

    #expect(list.stdout.contains("2 versions"))
    #expect(json.stdout.components(separatedBy: "\"id\"").count - 1 == 2)
    let lines = text.stdout.split(separator: "\n")
    #expect(lines.count == 62)
    #expect(Set(lines).count == 62)
    #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "62\n")
  }
}

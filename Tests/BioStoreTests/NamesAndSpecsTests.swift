import BioStore
import ProseDiff
import Testing

@Suite struct NamesAndSpecsTests {
  @Test(arguments: ["biosketch", "sc24-tpc", "a", "speaker-30w", String(repeating: "a", count: 64)])
  func validVariantNames(_ name: String) throws {
    #expect(try VariantName(name).fileName == name + ".md")
  }

  @Test(arguments: [
    "", "../x", ".git", "a/b", "Biosketch", "-x", "x-", "bio sketch", "bio\u{7}", "bío",
    String(repeating: "a", count: 65),
  ])
  func invalidVariantNamesAreRefusedAsBadInput(_ name: String) {
    #expect {
      try VariantName(name)
    } throws: { ($0 as? StoreError)?.exitCode == 2 }
  }

  @Test func anUpperCaseNameSuggestsItsLowerCaseForm() {
    #expect(throws: StoreError.badName("Biosketch", suggestion: "biosketch")) {
      try VariantName("Biosketch")
    }
  }

  @Test func specsNameAVariantASelectorAndStepsBack() throws {
    let latest = try Spec(parsing: "biosketch")
    let byDate = try Spec(parsing: "biosketch@2023-12-31~2")
    let byName = try Spec(parsing: "biosketch@3f2a9c1")
    let oneBack = try Spec(parsing: "biosketch~")

    #expect(latest.selector == .latest && latest.stepsBack == 0)
    #expect(byDate.stepsBack == 2)
    #expect(byDate.selector == .date(try DateInput(parsing: "2023-12-31"), text: "2023-12-31"))
    #expect(byName.selector == .name("3f2a9c1"))
    #expect(oneBack.stepsBack == 1)
  }

  @Test(arguments: [
    "", "@2024", "biosketch@", "bio@a@b", "bio~x", "bio~1~1", "bio@2024-02-30", "bio@A B", "~2",
    "bio~99999999999",
  ])
  func malformedSpecsAreBadInput(_ text: String) {
    #expect {
      try Spec(parsing: text)
    } throws: { ($0 as? StoreError)?.exitCode == 2 }
  }

  @Test func wordsAreWhitespaceSeparatedWithoutLoneMarkdownMarkers() {
    let text = "> Glenn K. Lockwood is\n> a *Principal* Engineer -\n## Heading\n- item + more\n"

    #expect(ProseText(text).wordCount == 10)
  }

  @Test func textThatIsBinaryNonUTF8BlankOrHugeIsRefused() throws {
    #expect(throws: StoreError.self) { try VersionText.validated([0x61, 0x00, 0x62]) }
    #expect(throws: StoreError.self) { try VersionText.validated([0xff, 0xfe, 0x41]) }
    #expect(throws: StoreError.self) { try VersionText.validated(Array(" \n\t\n".utf8)) }
    #expect(throws: StoreError.self) {
      try VersionText.validated([UInt8](repeating: 0x61, count: VersionText.maximumBytes + 1))
    }
    #expect(try VersionText.validated(Array("Grüße\n".utf8)) == "Grüße\n")
  }
}

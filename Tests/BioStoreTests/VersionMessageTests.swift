import Testing

@testable import BioStore

/// What a version's message shows: the person's words, without the trailers biostore writes for itself.
@Suite struct VersionMessageTests {
  let id = String(repeating: "0123456789abcdef", count: 3).prefix(40)

  @Test func biostoresOwnTrailerAndTrailingBlankLinesAreLeftOut() {
    #expect(Version.userMessage("Revision 3\n\nImported-From: \(id)\n") == "Revision 3")
    #expect(Version.userMessage("Revision 3\n\nImported-From: \(id)") == "Revision 3")
    #expect(Version.userMessage("Imported-From: \(id)\n \n") == "")
    #expect(Version.userMessage("") == "")
  }

  @Test func wordsThatOnlyLookLikeTheTrailerAreKept() {
    // Not a full lowercase id, or with something after it: a person wrote it.
    for line in [
      "Imported-From: \(id.uppercased())", "Imported-From: \(id.dropLast())",
      "Imported-From: \(id) and more", "Imported-From:\(id)",
      "Imported-From: \(id.dropLast())\u{FF46}",
    ] {
      #expect(Version.userMessage("Subject\n\n\(line)") == "Subject\n\n\(line)")
    }
    #expect(Version.userMessage("Subject\n\nBody line.\n\n") == "Subject\n\nBody line.")
    #expect(Version.userMessage("Subject\n\u{2003}\n") == "Subject")
  }
}

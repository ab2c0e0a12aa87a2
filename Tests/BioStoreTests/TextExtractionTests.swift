import BioStore
import Testing

@Suite struct TextExtractionTests {
  let page = """
    # About

    ## Short version

    ### Biosketch ###

    Here is my bio:

    > Glenn is an engineer.
    > He builds supercomputers.

    Some words between.

    > A second quote.

    ```
    ## Not a heading inside code
    ```

    #### Deeper heading stays inside

    ### Research statement

    >No space after the marker.

    ## Long version

    The story.

    """

  @Test(arguments: [
    ("biosketch", false, "Here is my bio:"),
    ("BIOSKETCH", true, "Glenn is an engineer.\nHe builds supercomputers.\n\nA second quote.\n"),
    ("Research   statement", true, "No space after the marker.\n"),
    ("Short version", false, "### Biosketch ###"),
    ("long version", false, "The story.\n"),
  ])
  func sectionsRunToTheNextHeadingOfTheSameOrAHigherLevel(
    _ example: (String, Bool, String)
  ) throws {
    let (heading, quote, expected) = example

    let text = try #require(TextExtraction(heading: heading, quoteOnly: quote).text(from: page))

    if quote || expected.hasSuffix("\n") {
      #expect(text == expected)
    } else {
      #expect(text.hasPrefix(expected))
    }
  }

  @Test func aSectionKeepsHeadingsOfDeeperLevelsAndIgnoresHeadingsInCode() throws {
    let text = try #require(TextExtraction(heading: "Biosketch").text(from: page))

    #expect(text.contains("## Not a heading inside code"))
    #expect(text.contains("#### Deeper heading stays inside"))
    #expect(!text.contains("Research statement"))
  }

  @Test func anAbsentHeadingOrAnEmptySectionGivesNothing() {
    #expect(TextExtraction(heading: "Awards").text(from: page) == nil)
    #expect(TextExtraction(heading: "Long version", quoteOnly: true).text(from: page) == nil)
    #expect(TextExtraction().text(from: " \n\t\n") == nil)
    #expect(TextExtraction().text(from: page) == page)
  }

  /// Found by Scripts/fuzz: carriage returns at a quote's end, and an empty heading.
  @Test func aLoneCarriageReturnEndsALineAndIsKept() throws {
    let text = try #require(
      TextExtraction(heading: nil, quoteOnly: true).text(from: "# h\n> bA\rb\r\r\r\n"))

    #expect(text == "bA\r")
    #expect(TextExtraction(heading: "", quoteOnly: true).text(from: "# h\n> b\n") == nil)
  }

  @Test func aCRLFPageGivesItsSectionAndQuoteWithTheirOwnLineEnds() throws {
    let page =
      "# Me\r\n\r\n## Short Bio\r\n\r\n> Line one,\r\n> line two.\r\n\r\n## Long\r\nStory.\r\n"

    let section = TextExtraction(heading: "Short Bio").text(from: page)
    let quote = TextExtraction(heading: "short bio", quoteOnly: true).text(from: page)

    #expect(section == "> Line one,\r\n> line two.\r\n")
    #expect(quote == "Line one,\r\nline two.\r\n")
  }

  @Test func oldMacLineEndsAreLineEnds() {
    let page = "## Bio\r> Quoted.\r## Next\rMore.\r"

    #expect(TextExtraction(heading: "Bio", quoteOnly: true).text(from: page) == "Quoted.\r")
  }

  @Test func aLastLineWithoutALineEndGetsTheDocumentsKind() {
    let page = "## Bio\r\nText at the end"

    #expect(TextExtraction(heading: "Bio").text(from: page) == "Text at the end\r\n")
  }

  @Test func anEmptySectionIsToldApartFromAMissingHeading() {
    let page = "## Bio\n\n## Next\nMore.\n"

    #expect(TextExtraction(heading: "Bio").extract(from: page) == .noText)
    #expect(TextExtraction(heading: "Awards").extract(from: page) == .noHeading)
    #expect(TextExtraction(heading: "Next", quoteOnly: true).extract(from: page) == .noText)
  }
}

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
  @Test func carriageReturnsInAQuoteStillEndInALineBreak() throws {
    let text = try #require(
      TextExtraction(heading: nil, quoteOnly: true).text(from: "# h\n> bA\rb\r\r\r\n"))

    #expect(text.utf8.last == UInt8(ascii: "\n"))
    #expect(text.hasPrefix("bA"))
    #expect(TextExtraction(heading: "", quoteOnly: true).text(from: "# h\n> b\n") == nil)
  }
}

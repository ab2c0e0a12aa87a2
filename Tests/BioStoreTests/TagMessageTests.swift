import Testing

@testable import BioStore

@Suite struct TagMessageTests {
  @Test func aMessageBiostoreWritesReadsBackTheSame() throws {
    let message = TagMessage(
      title: "SC24 Technical Program Committee",
      note: "Sent for the committee page.\n\nTwo paragraphs.",
      pins: [
        TagMessage.Pin(
          variant: try VariantName("research-statement"), commit: String(repeating: "a", count: 40))
      ],
      date: CivilDate(year: 2024, month: 11, day: 17), venue: "SC24, Atlanta",
      limit: LengthLimit(750))

    let read = TagMessage(parsing: message.text)

    #expect(read == message)
    #expect(message.text.hasSuffix("Date: 2024-11-17\nVenue: SC24, Atlanta\nLimit: 750 words\n"))
  }

  @Test(arguments: [
    ("ISC 24 talk\n", "ISC 24 talk", 0, false),
    ("Hand-made\n\nVariant: biosketch\nDate: 2024-03-03\n", "Hand-made", 1, true),
    ("Variant: biosketch\n", "", 1, true),
    ("", "", 0, false),
    (
      "Title over\ntwo lines\n\nA note: with a colon but prose after.\n", "Title over two lines", 0,
      false
    ),
  ])
  func handWrittenMessagesAreUnderstood(_ example: (String, String, Int, Bool)) {
    let (text, title, pins, namesVariants) = example

    let message = TagMessage(parsing: text)

    #expect(message.title == title)
    #expect(message.pins.count == pins)
    #expect(message.namesVariants == namesVariants)
    #expect(message.problems.isEmpty)
  }

  @Test(
    arguments: [
      ("100", LengthLimit(100, .words)), ("100w", LengthLimit(100, .words)),
      ("100w:pretalx", LengthLimit(100, .pretalx)), ("100:pretalx", LengthLimit(100, .pretalx)),
      ("1000c", LengthLimit(1000, .chars)), ("1000c:chars", LengthLimit(1000, .chars)),
      ("0", nil), ("-5w", nil), ("100c:pretalx", nil), ("100w:chars", nil), ("100x", nil),
      ("100w:pretalks", nil), ("", nil), ("w", nil),
    ] as [(String, LengthLimit?)])
  func limitFormsAreReadOrRefused(_ example: (String, LengthLimit?)) {
    let (text, expected) = example

    #expect(LengthLimit(parsing: text) == expected)
  }

  @Test(arguments: [LengthLimit(150), LengthLimit(100, .pretalx), LengthLimit(1000, .chars)])
  func eachLimitRuleIsWrittenAndReadBack(_ limit: LengthLimit) {
    let message = TagMessage(
      title: "CfP", note: "", pins: [], date: nil, venue: nil, limit: limit)

    #expect(TagMessage(parsing: message.text).limit == limit)
    #expect(TagMessage(parsing: "CfP\n\nLimit: \(limit.shortForm)\n").limit == limit)
  }

  @Test func unreadableTrailersBecomeProblemsNotFailures() {
    let message = TagMessage(
      parsing: "Broken\n\nVariant: Not_A_Name\nVariant: a b c\nDate: 2024-13-45\nLimit: many\n")

    #expect(message.pins.isEmpty)
    #expect(message.namesVariants)
    #expect(message.date == nil && message.limit == nil)
    #expect(message.problems.count == 4)
  }

  /// Found by Scripts/fuzz: a note whose last paragraph reads like trailers.
  @Test func aNoteEndingInTrailerLikeLinesStaysANoteWhenWritten() {
    var message = TagMessage(parsing: "SC24\n\nA note.\n\nVariant: b\n\nVariant:1\0\0rds\n")
    message.date = CivilDate(year: 2024, month: 11, day: 17)

    let again = TagMessage(parsing: message.text)

    #expect(message.note == "A note.\n\nVariant: b")
    #expect(again.note == message.note)
    #expect(again.pins.isEmpty && again.title == "SC24")
  }

  /// Found by Scripts/fuzz: a combining mark after a line break must survive the round trip.
  @Test func aCombiningMarkStartingALineStaysInTheTitle() {
    var message = TagMessage(parsing: ")\n\u{309}")
    message.date = CivilDate(year: 2024, month: 11, day: 17)

    let again = TagMessage(parsing: message.text)

    #expect(again.title == message.title)
    #expect(message.title.unicodeScalars.last == "\u{309}")
  }
}

/// An engagement tag's message: a title line, an optional free-text note, then git trailers.
///
/// ```
/// SC24 Technical Program Committee
///
/// Research statement for the program committee.
///
/// Variant: research-statement 3f2a9c1…
/// Date: 2024-11-17
/// Venue: SC24, Atlanta
/// Limit: 750 words
/// ```
///
/// Parsing never fails: what cannot be understood is kept out and described in `problems`, so a
/// tag written by hand is listed with a warning rather than refused.
struct TagMessage: Equatable {
  /// One `Variant:` trailer: a variant, and the commit holding the version sent (nil: the tagged commit).
  struct Pin: Equatable {
    var variant: VariantName
    var commit: String?
  }

  /// The first paragraph, on one line.
  var title = ""
  /// The paragraphs between the title and the trailers.
  var note = ""
  /// The `Variant:` trailers, in order.
  var pins: [Pin] = []
  /// Whether the message has any `Variant:` trailer, readable or not; without one, a tag means every variant in its commit.
  var namesVariants = false
  /// The `Date:` trailer.
  var date: CivilDate?
  /// The `Venue:` trailer.
  var venue: String?
  /// The `Limit:` trailer.
  var limit: LengthLimit?
  /// What could not be understood, in words for a warning.
  var problems: [String] = []

  /// A message with these parts; the title and venue are made one line without control characters (a terminal's escapes), since every listing prints them.
  init(
    title: String, note: String, pins: [Pin], date: CivilDate?, venue: String?,
    limit: LengthLimit?
  ) {
    self.title = TagMessage.oneLine(title) ?? ""
    self.note = note
    self.pins = pins
    namesVariants = !pins.isEmpty
    self.date = date
    self.venue = venue.flatMap(TagMessage.oneLine)
    self.limit = limit
  }

  /// The message `details` and `pins` give, each field not given taken from `replaced` (the tag a `--force` replaces), and the names of the fields so kept.
  ///
  /// A title, venue or note given as empty clears it; the date is `today` when neither gives one.
  /// Pins are kept only when none are given: a version cannot be half replaced.
  static func merging(
    _ details: EngagementDetails, pins: [Pin], over replaced: TagMessage?, today: CivilDate
  ) -> (message: TagMessage, kept: [String]) {
    var kept: [String] = []
    func pick<T>(_ given: T?, _ old: T?, _ field: String) -> T? {
      if let given { return given }
      if old != nil { kept.append(field) }
      return old
    }
    let oldTitle = replaced.flatMap { $0.title.isEmpty ? nil : $0.title }
    let title = pick(details.title, oldTitle, "title")
    let date = pick(details.date, replaced?.date, "date")
    let venue = pick(details.venue, replaced?.venue, "venue")
    let oldNote = replaced.flatMap { $0.note.isEmpty ? nil : $0.note }
    let note = pick(details.note.map { String($0.trimmingWhitespace) }, oldNote, "note")
    let limit = pick(details.limit, replaced?.limit, "limit")
    let message = TagMessage(
      title: title ?? "", note: note ?? "",
      pins: pins.isEmpty ? replaced?.pins ?? [] : pins, date: date ?? today,
      venue: venue.flatMap { $0.isEmpty ? nil : $0 }, limit: limit)
    return (message, kept)
  }

  /// Reads a message written by biostore or by hand with `git tag -a`.
  init(parsing message: String) {
    var paragraphs = TagMessage.paragraphs(of: message)
    if let last = paragraphs.last, last.allSatisfy(TagMessage.isTrailer) {
      paragraphs.removeLast()
      for line in last { read(trailer: line) }
    }
    if !paragraphs.isEmpty { title = paragraphs.removeFirst().joined(separator: " ") }
    note = paragraphs.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
  }

  /// The message as biostore writes it.
  var text: String {
    var text = title + "\n\n"
    if !note.isEmpty { text += note + "\n\n" }
    for pin in pins {
      text += "Variant: \(pin.variant)" + (pin.commit.map { " " + $0 } ?? "") + "\n"
    }
    if let date { text += "Date: \(date)\n" }
    if let venue { text += "Venue: \(venue)\n" }
    if let limit { text += "Limit: \(limit)\n" }
    return text
  }

  /// The message's paragraphs, each a list of lines without trailing whitespace, blank lines between them dropped.
  private static func paragraphs(of message: String) -> [[String]] {
    var paragraphs: [[String]] = []
    var current: [String] = []
    for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = String(line.trimmingWhitespace)
      if trimmed.isEmpty {
        if !current.isEmpty { paragraphs.append(current) }
        current = []
      } else {
        current.append(trimmed)
      }
    }
    if !current.isEmpty { paragraphs.append(current) }
    return paragraphs
  }

  /// Whether `line` reads `Key: value` with a key of letters, digits and hyphens, as git's trailers do.
  private static func isTrailer(_ line: String) -> Bool {
    guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return false }
    return line[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
  }

  private mutating func read(trailer line: String) {
    guard let colon = line.firstIndex(of: ":") else { return }
    let key = line[..<colon].lowercased()
    let value = String(line[line.index(after: colon)...].trimmingWhitespace)
    switch key {
    case "variant":
      namesVariants = true
      let words = value.split(separator: " ", omittingEmptySubsequences: true)
      guard (1...2).contains(words.count), let variant = try? VariantName(String(words[0])) else {
        problems.append("cannot read trailer 'Variant: \(value.printable)'")
        return
      }
      pins.append(Pin(variant: variant, commit: words.count == 2 ? String(words[1]) : nil))
    case "date":
      guard case .period(let year, let month?, let day?)? = try? DateInput(parsing: value) else {
        problems.append("cannot read trailer 'Date: \(value.printable)' (want YYYY-MM-DD)")
        return
      }
      date = CivilDate(year: year, month: month, day: day)
    case "venue":
      venue = value
    case "limit":
      guard let read = TagMessage.limit(reading: value) else {
        problems.append(
          "cannot read trailer 'Limit: \(value.printable)' (want e.g. 150 words, 150 words (pretalx) or 1000 characters)"
        )
        return
      }
      // Two limits are a hand-made tag's mistake: the first is kept, and the reader is told.
      if let limit, limit != read {
        problems.append("has two Limit trailers ('\(limit)' and '\(read)'); '\(limit)' is used")
        return
      }
      limit = read
    default:
      break
    }
  }

  /// The limit a `Limit:` trailer's value gives: as biostore writes it (`150 words`, `150 words (pretalx)`, `1000 characters`), or a short form (`150`, `150w:pretalx`, `1000c`).
  static func limit(reading value: String) -> LengthLimit? {
    let parts = value.split(separator: " ")
    guard let first = parts.first else { return nil }
    switch parts.dropFirst().joined(separator: " ").lowercased() {
    case "": return LengthLimit(parsing: String(first))
    case "word", "words": return Int(first).flatMap { $0 > 0 ? LengthLimit($0, .words) : nil }
    case "word (pretalx)", "words (pretalx)":
      return Int(first).flatMap { $0 > 0 ? LengthLimit($0, .pretalx) : nil }
    case "character", "characters":
      return Int(first).flatMap { $0 > 0 ? LengthLimit($0, .chars) : nil }
    default: return nil
    }
  }

  /// `text` trimmed and on one line, with control characters replaced by spaces; nil when blank.
  private static func oneLine(_ text: String) -> String? {
    let visible = String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    let line = visible.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return line.isEmpty ? nil : line
  }
}

/// A talk, panel, committee or proposal and the versions it was sent, read from its tag.
public struct Engagement: Sendable {
  /// The engagement's name, the last part of its tag.
  public let name: EngagementName
  /// The title (the tag message's first line).
  public let title: String
  /// The free-text note between the title and the trailers.
  public let note: String
  /// The engagement date (`Date:`, else the day it was tagged).
  public let date: CivilDate
  /// Where it took place (`Venue:`).
  public let venue: String?
  /// The length limit it set (`Limit:`).
  public let limit: LengthLimit?
  /// The versions it was sent, in the order the tag lists them.
  public let sent: [SentVersion]
  /// What in the tag could not be understood, for warnings.
  public let problems: [String]

  /// Whether every word of `query` starts a word, ignoring case, in one of `fields` (an engagement's name, title, venue and note), or is the year of `date`.
  ///
  /// At word starts, so `SC` finds `SC24` and `sc24-tpc` but not `NERSC` or `ISC`; a year such as
  /// `2024` also matches an engagement dated that year, so `recall SC 2024` narrows to one.
  static func matches(_ query: String, fields: [String], date: CivilDate?) -> Bool {
    let fields = fields.map { Array($0.lowercased()) }
    let words = query.lowercased().split(whereSeparator: \.isWhitespace).map(Array.init)
    func startsAWord(_ word: [Character], in field: [Character]) -> Bool {
      guard word.count <= field.count else { return false }
      for start in 0...(field.count - word.count)
      where start == 0 || !(field[start - 1].isLetter || field[start - 1].isNumber) {
        if Array(field[start..<(start + word.count)]) == word { return true }
      }
      return false
    }
    return !words.isEmpty
      && words.allSatisfy { word in
        (date.map { String(word) == String($0.year) } ?? false)
          || fields.contains { startsAWord(word, in: $0) }
      }
  }

  /// The version sent of `variant`, if it was sent one.
  public func version(of variant: VariantName) -> SentVersion? {
    sent.first { $0.variant == variant }
  }
}

extension Engagement: Encodable {
  private enum CodingKeys: String, CodingKey {
    case name, title, date, venue, note, limit, limitCounts, variants, warnings
  }

  private enum SentKeys: String, CodingKey {
    case variant, id, date, words, length, overLimit, text
  }

  /// Encodes the fields DESIGN.md names for `engagements --json`; with `includesText` in the encoder's user info, each version's text too (`recall`).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name.rawValue, forKey: .name)
    try container.encode(title, forKey: .title)
    try container.encode(date, forKey: .date)
    try container.encode(venue, forKey: .venue)
    try container.encode(note, forKey: .note)
    try container.encode(limit?.count, forKey: .limit)
    try container.encode(limit?.rule, forKey: .limitCounts)
    try container.encode(problems, forKey: .warnings)
    var variants = container.nestedUnkeyedContainer(forKey: .variants)
    for sent in self.sent {
      var entry = variants.nestedContainer(keyedBy: SentKeys.self)
      try entry.encode(sent.variant.rawValue, forKey: .variant)
      try entry.encode(sent.version.id, forKey: .id)
      try entry.encode(sent.version.date, forKey: .date)
      try entry.encode(sent.words, forKey: .words)
      try entry.encode(sent.length, forKey: .length)
      try entry.encode(sent.isOverLimit, forKey: .overLimit)
      if encoder.userInfo[Engagement.includesText] as? Bool == true {
        try entry.encodeIfPresent(sent.text, forKey: .text)
      }
    }
  }

  /// The user-info key that makes encoding include each sent version's text.
  public static let includesText = CodingUserInfoKey(rawValue: "includesText")!
}

import ProseDiff

/// Words to look for in bios, matched on their tokens: line breaks, re-wrapping and blockquote markers between them do not matter, and case does not unless asked.
public struct Phrase: Sendable, Hashable {
  /// The phrase as given.
  public let text: String
  /// Whether case must match too.
  public let caseSensitive: Bool
  private let tokens: ProseText

  /// The phrase `text`; refused when it has nothing to match (only whitespace or Markdown markers).
  public init(_ text: String, caseSensitive: Bool = false) throws(StoreError) {
    tokens = ProseText(text)
    guard tokens.tokenCount > 0 else { throw .emptyPhrase(text) }
    self.text = text
    self.caseSensitive = caseSensitive
  }

  /// Where the phrase occurs in `text`, as token ranges.
  func occurrences(in text: ProseText) -> [Range<Int>] {
    text.occurrences(of: tokens, ignoringCase: !caseSensitive)
  }

  /// The phrase's search units, case folded, as a `TokenCache` numbers them.
  var foldedUnits: [[UInt8]] { tokens.searchUnits(ignoringCase: true).map(\.bytes) }

  /// What the phrase looks for: two phrases with the same key find the same places.
  public var searchKey: [[UInt8]] {
    tokens.searchUnits(ignoringCase: !caseSensitive).map(\.bytes)
  }

  /// Whether `text` contains the phrase.
  func occurs(in text: ProseText) -> Bool { !occurrences(in: text).isEmpty }

  public static func == (lhs: Phrase, rhs: Phrase) -> Bool {
    lhs.text == rhs.text && lhs.caseSensitive == rhs.caseSensitive
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(text)
    hasher.combine(caseSensitive)
  }
}

import ProseDiff

/// A named way of counting how long a text is, as the forms that set limits count it.
public enum CountingRule: String, CaseIterable, Sendable, Codable {
  /// biostore's own words: whitespace-separated, not counting lone Markdown markers (`wc -w` on prose).
  case words
  /// pretalx's words: every match of Python's `\b\w+\b`, a run of letters, digits and `_`, so `don't`, `I/O` and `Ph.D.` are two each.
  case pretalx
  /// Characters as a person reads them (grapheme clusters), line breaks included, after trimming leading and trailing whitespace: as Sessionize and NIH forms count.
  case chars

  /// The unit a count under this rule is in, for messages (`94 words`, `103 words (pretalx)`).
  public func describe(_ count: Int) -> String {
    switch self {
    case .words: "\(count) word\(count == 1 ? "" : "s")"
    case .pretalx: "\(count) word\(count == 1 ? "" : "s") (pretalx)"
    case .chars: "\(count) character\(count == 1 ? "" : "s")"
    }
  }

  /// How long `text` is under this rule.
  public func count(_ text: String) -> Int {
    switch self {
    case .words: ProseText(text).wordCount
    case .pretalx: CountingRule.pretalxWords(in: text)
    case .chars: text.trimmingWhitespace.count
    }
  }

  /// The number of maximal runs of word characters, which is what `len(re.findall(r"\b\w+\b", text))` gives in Python 3.
  ///
  /// Python's `\w` on a `str` is a character for which `isalnum()` holds, or `_`: the letter
  /// (`L*`) and number (`N*`) categories. Combining marks are not in it, so a mark ends a run.
  static func pretalxWords(in text: String) -> Int {
    var count = 0
    var inWord = false
    for scalar in text.unicodeScalars {
      let isWord: Bool
      if scalar.isASCII {
        let value = scalar.value
        isWord =
          (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
          || (value >= 0x61 && value <= 0x7A) || value == 0x5F
      } else {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
          .decimalNumber, .letterNumber, .otherNumber:
          isWord = true
        default: isWord = false
        }
      }
      if isWord && !inWord { count += 1 }
      inWord = isWord
    }
    return count
  }
}

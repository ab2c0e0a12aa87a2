/// A text cut into word and punctuation tokens, with whitespace, line breaks, indentation and blockquote markers set aside as layout.
///
/// A word token is a run of letters, digits and marks, with `'`, `’`, `-`, `.` and `_` inside it
/// (`don’t`, `well-known`, `e.g`) and `,` between digits (`1,000`); every other visible character
/// is a token of its own. Each token also knows which whitespace-separated word it belongs to, so
/// diff counts can be given in the words `wc -w` would count.
public struct ProseText: Sendable {
  /// The text as given.
  public let text: String
  /// Its UTF-8 bytes, which token offsets index.
  let bytes: [UInt8]
  /// Where each token starts in `bytes`.
  private(set) var starts: [Int32] = []
  /// Where each token ends in `bytes`.
  private(set) var ends: [Int32] = []
  /// The whitespace-separated word each token belongs to, or -1 for a lone Markdown marker.
  private(set) var wordIndexes: [Int32] = []
  /// How many words the text has: whitespace-separated, as `wc -w` counts them, but not lone Markdown markers.
  public private(set) var wordCount = 0

  /// Tokenizes `text`.
  public init(_ text: String) {
    self.text = text
    bytes = Array(text.utf8)
    tokenize()
  }

  /// The number of tokens.
  public var tokenCount: Int { starts.count }

  /// The tokens' texts, in order.
  public var tokens: [String] { (0..<tokenCount).map { self[token: $0] } }

  /// The text of token `index`.
  subscript(token index: Int) -> String {
    slice(Int(starts[index])..<Int(ends[index]))
  }

  /// The text between byte offsets.
  func slice(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// Where the layout before token `index` starts: the end of the token before it.
  func layoutStart(_ index: Int) -> Int {
    index == 0 ? 0 : Int(ends[index - 1])
  }

  /// The bytes from the layout before the first token of `range` to the end of its last token.
  func span(_ range: Range<Int>) -> Range<Int> {
    layoutStart(range.lowerBound)..<Int(ends[range.upperBound - 1])
  }

  /// The bytes after the last token: the text's trailing whitespace, or all of it when it has no tokens.
  var trailingLayout: Range<Int> {
    (tokenCount == 0 ? 0 : Int(ends[tokenCount - 1]))..<bytes.count
  }

  /// Whether any whitespace separates token `index` from the token before it.
  func isSpaced(_ index: Int) -> Bool {
    Int(starts[index]) > layoutStart(index)
  }

  /// Whether the layout before token `index` holds a line break.
  func startsLine(_ index: Int) -> Bool {
    bytes[layoutStart(index)..<Int(starts[index])].contains(UInt8(ascii: "\n"))
  }

  /// Whether the layout before token `index` holds a blank line (one that is empty or only `>` markers).
  func startsParagraph(_ index: Int) -> Bool {
    var lineBreaks = 0
    for byte in bytes[layoutStart(index)..<Int(starts[index])] {
      switch byte {
      case UInt8(ascii: "\n"):
        lineBreaks += 1
        if lineBreaks == 2 { return true }
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ">"): continue
      default: lineBreaks = 0
      }
    }
    return false
  }

  /// The bytes of tokens in `range`, counting one space between tokens: how long they read.
  func readingLength(_ range: Range<Int>) -> Int {
    guard !range.isEmpty else { return 0 }
    var length = range.count - 1
    for index in range { length += Int(ends[index] - starts[index]) }
    return length
  }

  /// The tokens in `range` joined by one space where the text had any whitespace, so they read on one line.
  func collapsed(_ range: Range<Int>) -> String {
    var result = ""
    for index in range {
      if index > range.lowerBound && isSpaced(index) { result += " " }
      result += self[token: index]
    }
    return result
  }

  /// How many distinct words hold at least one of the tokens `isMarked` picks.
  func wordsHolding(where isMarked: (Int) -> Bool) -> Int {
    var count = 0
    var lastWord: Int32 = -1
    for index in 0..<tokenCount where isMarked(index) {
      let word = wordIndexes[index]
      if word >= 0 && word != lastWord {
        count += 1
        lastWord = word
      }
    }
    return count
  }

  private mutating func tokenize() {
    var position = 0
    var atLineStart = true
    var spaced = true
    var wordFirstToken = 0
    let count = bytes.count
    while position < count {
      if atLineStart {
        position = endOfLineLayout(from: position)
        atLineStart = false
        spaced = true
        continue
      }
      let (scalar, length) = scalar(at: position)
      if scalar == 0x0A {
        position += 1
        atLineStart = true
        spaced = true
        continue
      }
      let kind = CharacterKind(scalar)
      if kind == .space {
        position += length
        spaced = true
        continue
      }
      if spaced {
        finishWord(firstToken: wordFirstToken)
        wordFirstToken = tokenCount
        spaced = false
      }
      let end = kind == .word ? endOfWord(from: position + length) : position + length
      starts.append(Int32(position))
      ends.append(Int32(end))
      wordIndexes.append(Int32(wordCount))
      position = end
    }
    finishWord(firstToken: wordFirstToken)
  }

  /// Skips a line's indentation and blockquote markers, which are layout.
  private func endOfLineLayout(from start: Int) -> Int {
    var position = start
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"): position += 1
      default: return position
      }
    }
    return position
  }

  /// The end of a word token whose first character ends at `start`.
  private func endOfWord(from start: Int) -> Int {
    var position = start
    while position < bytes.count {
      let (scalar, length) = scalar(at: position)
      switch CharacterKind(scalar) {
      case .word:
        position += length
      case .space:
        return position
      case .other:
        guard position + length < bytes.count, joins(scalar, before: position + length) else {
          return position
        }
        position += length
      }
    }
    return position
  }

  /// Whether punctuation `scalar` sits inside a word, given the text that follows it at `next`.
  private func joins(_ scalar: UInt32, before next: Int) -> Bool {
    let (following, _) = self.scalar(at: next)
    guard CharacterKind(following) == .word else { return false }
    switch scalar {
    case 0x27, 0x2D, 0x2E, 0x5F, 0x2019: return true  // ' - . _ ’
    case 0x2C: return isDigit(bytes[next - 2]) && isDigit(bytes[next])  // 1,000
    default: return false
    }
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// Ends the word that began at `firstToken`: a lone Markdown marker is not a word.
  private mutating func finishWord(firstToken: Int) {
    guard firstToken < tokenCount else { return }
    let word = bytes[Int(starts[firstToken])..<Int(ends[tokenCount - 1])]
    if ProseText.isLoneMarker(word) {
      for index in firstToken..<tokenCount { wordIndexes[index] = -1 }
    } else {
      wordCount += 1
    }
  }

  /// Whether `word` is a Markdown marker standing alone, which is not counted as a word: a list bullet (`-`, `*`, `+`), a heading's one to six `#`, or blockquote `>`s.
  static func isLoneMarker(_ word: ArraySlice<UInt8>) -> Bool {
    guard let first = word.first else { return false }
    switch first {
    case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
      return word.count == 1
    case UInt8(ascii: "#"):
      return word.count <= 6 && word.allSatisfy { $0 == first }
    case UInt8(ascii: ">"):
      return word.allSatisfy { $0 == first }
    default:
      return false
    }
  }

  /// The Unicode scalar starting at byte `position` and its length in bytes; a malformed byte reads as itself.
  private func scalar(at position: Int) -> (UInt32, Int) {
    let lead = bytes[position]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    guard length > 1, position + length <= bytes.count else { return (UInt32(lead), 1) }
    var value = UInt32(lead) & (0xFF >> (length + 1))
    for offset in 1..<length {
      value = value << 6 | UInt32(bytes[position + offset] & 0x3F)
    }
    return (value, length)
  }
}

/// How the tokenizer treats one character.
private enum CharacterKind {
  case space, word, other

  init(_ scalar: UInt32) {
    if scalar < 0x80 {
      switch UInt8(scalar) {
      case 0x09...0x0D, 0x20: self = .space
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "a")...UInt8(ascii: "z"):
        self = .word
      default: self = .other
      }
      return
    }
    guard let scalar = Unicode.Scalar(scalar) else {
      self = .other
      return
    }
    if scalar.properties.isWhitespace {
      self = .space
      return
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
      self = .word
    default:
      self = .other
    }
  }
}

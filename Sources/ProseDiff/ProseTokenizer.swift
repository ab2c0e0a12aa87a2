/// Cuts UTF-8 prose into the tokens `ProseText` describes, in one pass over raw bytes.
///
/// The tokenizer holds only the two buffers, and its methods do not mutate it: the counts live in
/// `scan`, so no call copies the tokenizer (that copy once took a quarter of the time).
struct ProseTokenizer {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let spans: UnsafeMutableBufferPointer<TokenSpan>

  /// The spans of the tokens of `bytes` and the number of words.
  static func spans(of bytes: UnsafeBufferPointer<UInt8>) -> ([TokenSpan], Int) {
    var wordCount = 0
    // A text has at most one token per byte; writing in place avoids an append per token.
    let spans = [TokenSpan](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
      (initialized, wordCount) = ProseTokenizer(bytes: bytes, spans: buffer).scan()
    }
    return (spans, wordCount)
  }

  /// Writes the spans and returns how many there are and how many words they make.
  private func scan() -> (count: Int, wordCount: Int) {
    var count = 0
    var wordCount = 0
    var spaced = true
    var wordFirstToken = 0
    var position = endOfLineLayout(from: 0)
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\n") {
        position = endOfLineLayout(from: position + 1)
        spaced = true
        continue
      }
      let (scalar, length) = byte < 0x80 ? (UInt32(byte), 1) : decode(at: position)
      let kind = CharacterKind(scalar)
      if kind == .space {
        position += length
        spaced = true
        continue
      }
      if spaced {
        finishWord(firstToken: wordFirstToken, count: count, wordCount: &wordCount)
        wordFirstToken = count
        spaced = false
      }
      let end = kind == .word ? endOfWord(from: position + length) : position + length
      (spans.baseAddress! + count).initialize(
        to: TokenSpan(bytes, start: position, end: end, word: wordCount))
      count += 1
      position = end
    }
    finishWord(firstToken: wordFirstToken, count: count, wordCount: &wordCount)
    return (count, wordCount)
  }

  /// Skips a line's indentation and blockquote markers, which are layout.
  @inline(__always)
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
  @inline(__always)
  private func endOfWord(from start: Int) -> Int {
    var position = start
    while position < bytes.count {
      let byte = bytes[position]
      if byte < 0x80 {
        if CharacterKind.isASCIIWord(byte) {
          position += 1
          continue
        }
        guard joins(UInt32(byte), at: position, length: 1) else { return position }
        position += 1
        continue
      }
      let (scalar, length) = decode(at: position)
      switch CharacterKind(scalar) {
      case .word: position += length
      case .space: return position
      case .other:
        guard joins(scalar, at: position, length: length) else { return position }
        position += length
      }
    }
    return position
  }

  /// Whether punctuation `scalar` at `position` sits inside a word: `'`, `’`, `-`, `.`, `_` before a letter or digit, `,` between digits.
  private func joins(_ scalar: UInt32, at position: Int, length: Int) -> Bool {
    let next = position + length
    guard next < bytes.count else { return false }
    switch scalar {
    case 0x27, 0x2D, 0x2E, 0x5F, 0x2019:  // ' - . _ ’
      let following = bytes[next]
      return following < 0x80
        ? CharacterKind.isASCIIWord(following) : CharacterKind(decode(at: next).0) == .word
    case 0x2C:  // 1,000
      return isDigit(bytes[position - 1]) && isDigit(bytes[next])
    default:
      return false
    }
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// Ends the word of tokens `firstToken..<count`: a lone Markdown marker is not a word.
  private func finishWord(firstToken: Int, count: Int, wordCount: inout Int) {
    guard firstToken < count else { return }
    let word = UnsafeBufferPointer(
      rebasing: bytes[Int(spans[firstToken].start)..<Int(spans[count - 1].end)])
    if ProseTokenizer.isLoneMarker(word) {
      for index in firstToken..<count { spans[index].word = -1 }
    } else {
      wordCount += 1
    }
  }

  /// Whether `word` is a Markdown marker standing alone, which is not counted as a word: a list bullet (`-`, `*`, `+`), a heading's one to six `#`, or blockquote `>`s.
  static func isLoneMarker(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
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

  /// The multi-byte Unicode scalar starting at `position` and its length; a malformed byte reads as itself.
  private func decode(at position: Int) -> (UInt32, Int) {
    let lead = bytes[position]
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    guard length > 1, position + length <= bytes.count else { return (UInt32(lead), 1) }
    var value = UInt32(lead) & (0xFF >> (length + 1))
    for offset in 1..<length {
      value = value << 6 | UInt32(bytes[position + offset] & 0x3F)
    }
    return (value, length)
  }
}

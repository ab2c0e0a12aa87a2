/// A text cut into word and punctuation tokens, with whitespace, line breaks, indentation and blockquote markers set aside as layout.
///
/// A word token is a run of letters, digits and marks, with `'`, `’`, `-`, `.` and `_` inside it
/// (`don’t`, `well-known`, `e.g`) and `,` between digits (`1,000`); every other visible character
/// is a token of its own. Each token also knows which whitespace-separated word it belongs to, so
/// diff counts can be given in the words `wc -w` would count.
public struct ProseText: Sendable {
  /// The text's UTF-8 bytes, which token offsets index.
  let bytes: [UInt8]
  /// Where each token lies, which word holds it, and its hash.
  let spans: [TokenSpan]
  /// How many words the text has: whitespace-separated, as `wc -w` counts them, but not lone Markdown markers.
  public let wordCount: Int

  /// Tokenizes `text`.
  public init(_ text: String) {
    self.init(bytes: Array(text.utf8))
  }

  /// Tokenizes UTF-8 `bytes` as they are stored, without making a string first.
  public init(bytes: [UInt8]) {
    self.bytes = bytes
    (spans, wordCount) = bytes.withUnsafeBufferPointer { ProseTokenizer.spans(of: $0) }
  }

  /// The text (invalid UTF-8, which a store written by another tool might hold, is repaired).
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The number of tokens.
  public var tokenCount: Int { spans.count }

  /// The tokens' texts, in order.
  public var tokens: [String] { (0..<tokenCount).map { self[token: $0] } }

  /// The text of token `index`.
  subscript(token index: Int) -> String {
    slice(Int(spans[index].start)..<Int(spans[index].end))
  }

  /// The text between byte offsets.
  func slice(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// Where the layout before token `index` starts: the end of the token before it.
  func layoutStart(_ index: Int) -> Int {
    index == 0 ? 0 : Int(spans[index - 1].end)
  }

  /// The bytes from the layout before the first token of `range` to the end of its last token.
  func span(_ range: Range<Int>) -> Range<Int> {
    layoutStart(range.lowerBound)..<Int(spans[range.upperBound - 1].end)
  }

  /// The bytes after the last token: the text's trailing whitespace, or all of it when it has no tokens.
  var trailingLayout: Range<Int> {
    (tokenCount == 0 ? 0 : Int(spans[tokenCount - 1].end))..<bytes.count
  }

  /// Whether any whitespace separates token `index` from the token before it.
  func isSpaced(_ index: Int) -> Bool {
    Int(spans[index].start) > layoutStart(index)
  }

  /// Whether the layout before token `index` holds a line break.
  func startsLine(_ index: Int) -> Bool {
    bytes[layoutStart(index)..<Int(spans[index].start)].contains(UInt8(ascii: "\n"))
  }

  /// Whether the layout before token `index` holds a blank line (one that is empty or only `>` markers).
  func startsParagraph(_ index: Int) -> Bool {
    var lineBreaks = 0
    for byte in bytes[layoutStart(index)..<Int(spans[index].start)] {
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
    for index in range { length += Int(spans[index].end - spans[index].start) }
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
      let word = spans[index].word
      if word >= 0 && word != lastWord {
        count += 1
        lastWord = word
      }
    }
    return count
  }
}

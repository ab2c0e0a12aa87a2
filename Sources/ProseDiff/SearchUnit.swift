import Foundation

/// One piece of a text as phrase search compares it: a token, a part of a word token cut at an inner `.`, `-` or `_`, or tokens that belong together as one character; in a normal form.
///
/// Cutting parts lets `Acme` be found in `jane@acme.com`, `acme.com/team` and `Acme-funded`; a
/// `.` between digits (`3.5`) is not cut, so `5 PB` is not found in `3.5 PB`. Tokens are joined
/// where the text has one character across them (an emoji with its skin tone, a flag's two
/// letters, a ZWJ sequence), so `🇸🇬` is not found in `🇺🇸🇬🇧`, and across invisible format
/// characters (a soft hyphen or zero-width space pasted inside a word), so `Google` is found in
/// `Go\u{AD}ogle`. The normal form makes the same words compare equal however they were typed:
/// Unicode NFKC (so `é` typed as `e` and a combining accent is `é`, `ﬁ` is `fi`, `ＡＣＭＥ` is
/// `ACME`), format characters dropped, look-alike apostrophes (`’`, `ʼ`) as `'` and hyphens
/// (`‐`, `‑`) as `-`, and, when case is ignored, case folded (upper-cased, then lower-cased, so
/// `ς` is `σ` and `ß` is `ss`, with `İ` as `i`).
public struct SearchUnit: Sendable, Equatable {
  /// The text's tokens it covers.
  public let tokens: Range<Int>
  /// Its bytes in normal form.
  public let bytes: [UInt8]

  /// The endings a phrase's last unit may carry in a text and still match, in normal form: the possessive.
  public static let possessives: [[UInt8]] = ["'s", "'"].map { Array($0.utf8) }

  /// The units of `text`'s tokens, in order, case folded when `ignoringCase`.
  static func units(of text: ProseText, ignoringCase: Bool) -> [SearchUnit] {
    var units: [SearchUnit] = []
    units.reserveCapacity(text.tokenCount)
    // The unit being gathered: its tokens and raw bytes, and whether its last piece ends a token.
    var tokens = 0..<0
    var raw: [UInt8] = []
    var endsToken = false
    func finish() {
      guard !raw.isEmpty else { return }
      let normal = normalized(raw[...], ignoringCase)
      // Only format characters, and nothing to join them to: nothing a phrase could ask for.
      if !normal.isEmpty { units.append(SearchUnit(tokens: tokens, bytes: normal)) }
      raw = []
    }
    for index in 0..<text.tokenCount {
      let token = text.bytes[text.spans[index].range]
      for (offset, piece) in pieces(of: token).enumerated() {
        let joins =
          offset == 0 && endsToken && !raw.isEmpty && !text.isSpaced(index)
          && belongTogether(raw, piece)
        if !joins { finish() }
        if raw.isEmpty {
          tokens = index..<(index + 1)
        } else {
          tokens = tokens.lowerBound..<(index + 1)
        }
        raw += piece
        endsToken = false
        // A cut separator stands alone: the parts either side of it are never joined through it.
        if piece.count == 1 && isSeparator(piece.first!) && offset > 0 { finish() }
      }
      endsToken = true
    }
    finish()
    return units
  }

  /// A word token cut at each inner `.` (not between digits), `-` and `_`, the separators as pieces of their own.
  private static func pieces(of token: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    var pieces: [ArraySlice<UInt8>] = []
    var start = token.startIndex
    for position in token.indices where isCut(token, at: position) {
      if start < position { pieces.append(token[start..<position]) }
      pieces.append(token[position..<(position + 1)])
      start = position + 1
    }
    if start < token.endIndex { pieces.append(token[start...]) }
    return pieces
  }

  /// Whether the byte at `position` is a `.`, `-` or `_` inside a word token that separates two parts; a token's first byte never is, and a `.` between digits is a decimal point.
  private static func isCut(_ token: ArraySlice<UInt8>, at position: Int) -> Bool {
    guard position > token.startIndex, position + 1 < token.endIndex,
      isSeparator(token[position])
    else { return false }
    return token[position] != UInt8(ascii: ".")
      || !(isDigit(token[position - 1]) && isDigit(token[position + 1]))
  }

  private static func isSeparator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// Whether two unspaced tokens are one unit: one character spans them, or either is only format characters (invisible, inside a word).
  private static func belongTogether(_ before: [UInt8], _ after: ArraySlice<UInt8>) -> Bool {
    // ASCII never combines with what follows or precedes it.
    guard (before.last ?? 0) >= 0x80 || (after.first ?? 0) >= 0x80 else { return false }
    guard let last = String(decoding: before, as: UTF8.self).last,
      let first = String(decoding: after, as: UTF8.self).first
    else { return false }
    if isFormatOnly(last) || isFormatOnly(first) { return true }
    return (String(last) + String(first)).count == 1
  }

  private static func isFormatOnly(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .format }
  }

  /// `bytes` in normal form; all-ASCII bytes (most words) are only lowered, without building a string.
  static func normalized(_ bytes: ArraySlice<UInt8>, _ ignoringCase: Bool) -> [UInt8] {
    if bytes.allSatisfy({ $0 < 0x80 }) {
      return ignoringCase ? bytes.map(lowered) : Array(bytes)
    }
    // Compatibility forms first (`𝐏` is `P`, `ﬁ` is `fi`), so case folding sees plain letters.
    var text = String(decoding: bytes, as: UTF8.self).precomposedStringWithCompatibilityMapping
    // Upper-casing first is how full case folding is had from the standard library's mappings.
    if ignoringCase { text = text.uppercased().lowercased() }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\u{2019}", "\u{02BC}": scalars.append("'")
      case "\u{2010}", "\u{2011}": scalars.append("-")
      // `İ` lower-cases to `i` and a combining dot: the dot is not what anyone searches for.
      case "\u{0307}" where ignoringCase && scalars.last == "i": continue
      default:
        if scalar.properties.generalCategory != .format { scalars.append(scalar) }
      }
    }
    // Case mapping may leave combinations that compose again (`i` and a kept accent).
    return Array(String(scalars).precomposedStringWithCanonicalMapping.utf8)
  }

  /// An ASCII upper-case letter lowered; every other byte as it is.
  private static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }
}

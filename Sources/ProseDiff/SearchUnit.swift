import Foundation

/// One piece of a text as phrase search compares it: a token, or a part of a word token cut at an inner `.`, `-` or `_`, in a normal form.
///
/// Cutting the parts lets `Acme` be found in `jane@acme.com`, `acme.com/team` and `Acme-funded`;
/// a `.` between digits (`3.5`) is not cut, so `5 PB` is not found in `3.5 PB`. The normal form
/// makes the same words compare equal however they were typed: Unicode NFC (so `é` typed as `e`
/// and a combining accent is `é`), the typographic apostrophe `’` as `'`, and, when case is
/// ignored, case folded (upper-cased, then lower-cased, so `ς` is `σ` and `ß` is `ss`).
public struct SearchUnit: Sendable, Equatable {
  /// The number of the text's token it is, or is part of.
  public let token: Int
  /// Its bytes in normal form.
  public let bytes: [UInt8]

  /// The endings a phrase's last unit may carry in a text and still match, in normal form: the possessive.
  public static let possessives: [[UInt8]] = ["'s", "'"].map { Array($0.utf8) }

  /// The units of `text`'s tokens, in order, case folded when `ignoringCase`.
  static func units(of text: ProseText, ignoringCase: Bool) -> [SearchUnit] {
    var units: [SearchUnit] = []
    units.reserveCapacity(text.tokenCount)
    for index in 0..<text.tokenCount {
      let token = text.bytes[text.spans[index].range]
      var start = token.startIndex
      for position in token.indices where isCut(token, at: position) {
        if start < position {
          units.append(
            .init(token: index, bytes: normalized(token[start..<position], ignoringCase)))
        }
        units.append(.init(token: index, bytes: [token[position]]))
        start = position + 1
      }
      if start < token.endIndex {
        units.append(.init(token: index, bytes: normalized(token[start...], ignoringCase)))
      }
    }
    return units
  }

  /// Whether the byte at `position` is a `.`, `-` or `_` inside a word token that separates two parts; a token's first byte never is, and a `.` between digits is a decimal point.
  private static func isCut(_ token: ArraySlice<UInt8>, at position: Int) -> Bool {
    guard position > token.startIndex, position + 1 < token.endIndex else { return false }
    switch token[position] {
    case UInt8(ascii: "-"), UInt8(ascii: "_"): return true
    case UInt8(ascii: "."): return !(isDigit(token[position - 1]) && isDigit(token[position + 1]))
    default: return false
    }
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// `bytes` in normal form; all-ASCII bytes (most words) are only lowered, without building a string.
  static func normalized(_ bytes: ArraySlice<UInt8>, _ ignoringCase: Bool) -> [UInt8] {
    if bytes.allSatisfy({ $0 < 0x80 }) {
      return ignoringCase ? bytes.map(lowered) : Array(bytes)
    }
    var text = String(decoding: bytes, as: UTF8.self)
    // Upper-casing first is how full case folding is had from the standard library's mappings.
    if ignoringCase { text = text.uppercased().lowercased() }
    let apostrophes = text.precomposedStringWithCanonicalMapping.unicodeScalars.map {
      $0 == "\u{2019}" ? "'" : $0
    }
    return Array(String(String.UnicodeScalarView(apostrophes)).utf8)
  }

  /// An ASCII upper-case letter lowered; every other byte as it is.
  private static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }
}

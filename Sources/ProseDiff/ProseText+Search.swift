extension ProseText {
  /// Where `phrase`'s tokens occur in this text one after another, as token ranges, earliest first and not overlapping.
  ///
  /// Tokens are compared whole, so layout between them (line breaks, re-wrapping, indentation,
  /// blockquote markers) never matters and `Manager` does not match inside `Managers`; the last
  /// token also matches its possessive (`Microsoft` in `Microsoft’s`). `ignoringCase` compares
  /// lower-cased forms, bytes for ASCII and whole strings otherwise.
  public func occurrences(of phrase: ProseText, ignoringCase: Bool) -> [Range<Int>] {
    let wanted = (0..<phrase.tokenCount).map { index in
      SearchToken(Array(phrase.bytes[phrase.spans[index].range]), ignoringCase: ignoringCase)
    }
    guard !wanted.isEmpty, wanted.count <= tokenCount else { return [] }
    var found: [Range<Int>] = []
    var start = 0
    while start + wanted.count <= tokenCount {
      var matched = true
      for (offset, token) in wanted.enumerated()
      where !token.matches(
        bytes[spans[start + offset].range], allowingPossessive: offset == wanted.count - 1)
      {
        matched = false
        break
      }
      if matched {
        found.append(start..<(start + wanted.count))
        start += wanted.count
      } else {
        start += 1
      }
    }
    return found
  }

  /// The tokens in `range` and up to `context` tokens either side, joined as they read on one line, with `…` where the text goes on.
  public func excerpt(around range: Range<Int>, context: Int) -> (
    before: String, match: String, after: String
  ) {
    let from = max(0, range.lowerBound - context)
    let to = min(tokenCount, range.upperBound + context)
    var before = (from > 0 ? "…" : "") + collapsed(from..<range.lowerBound)
    if range.lowerBound > from && isSpaced(range.lowerBound) { before += " " }
    var after = collapsed(range.upperBound..<to) + (to < tokenCount ? "…" : "")
    if range.upperBound < to && isSpaced(range.upperBound) { after = " " + after }
    return (before, collapsed(range), after)
  }
}

extension ProseText {
  /// A token's bytes as case-insensitive search compares them: ASCII letters lowered when the token is all ASCII, else the lower-cased string's bytes.
  public static func folded(_ token: ArraySlice<UInt8>) -> [UInt8] {
    token.allSatisfy { $0 < 0x80 }
      ? token.map(SearchToken.lowered)
      : Array(String(decoding: token, as: UTF8.self).lowercased().utf8)
  }

  /// Each token's bytes, folded as case-insensitive search compares them.
  public var foldedTokens: [[UInt8]] { spans.map { ProseText.folded(bytes[$0.range]) } }

  /// The endings a phrase's last token may carry in a text and still match: the possessive.
  public static let possessives: [[UInt8]] = ["'s", "’s", "'", "’"].map { Array($0.utf8) }
}

/// One token of a phrase being looked for, ready to compare with a text's tokens.
private struct SearchToken {
  /// The token's bytes, folded when case is ignored.
  let bytes: [UInt8]
  let ignoringCase: Bool

  init(_ bytes: [UInt8], ignoringCase: Bool) {
    self.ignoringCase = ignoringCase
    self.bytes = ignoringCase ? ProseText.folded(bytes[...]) : bytes
  }

  /// Whether a text's token is this one (or, when `allowingPossessive`, this one followed by `'s` or `’`), compared as `ProseText.folded` has them when case is ignored.
  func matches(_ token: ArraySlice<UInt8>, allowingPossessive: Bool) -> Bool {
    // An all-ASCII token folds byte by byte, so it is compared without being copied.
    let isASCII = token.allSatisfy { $0 < 0x80 }
    let compared = !ignoringCase || isASCII ? token : ProseText.folded(token)[...]
    let lowering = ignoringCase && isASCII
    if compared.count == bytes.count { return starts(compared, lowering: lowering) }
    guard allowingPossessive, compared.count > bytes.count, starts(compared, lowering: lowering)
    else { return false }
    let rest = compared.dropFirst(bytes.count)
    return ProseText.possessives.contains { ending in
      rest.elementsEqual(ending) { (lowering ? SearchToken.lowered($0) : $0) == $1 }
    }
  }

  /// Whether `token` starts with this token's bytes (its ASCII letters lowered first when `lowering`).
  private func starts(_ token: ArraySlice<UInt8>, lowering: Bool) -> Bool {
    var index = token.startIndex
    for byte in bytes {
      let other = lowering ? SearchToken.lowered(token[index]) : token[index]
      guard other == byte else { return false }
      index += 1
    }
    return true
  }

  /// An ASCII upper-case letter lowered; every other byte as it is.
  static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }
}

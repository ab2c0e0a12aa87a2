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

/// One token of a phrase being looked for, ready to compare with a text's tokens.
private struct SearchToken {
  /// The token's bytes, lower-cased when case is ignored.
  let bytes: [UInt8]
  /// The token as a lower-cased string, when case is ignored and it is not all ASCII.
  let folded: String?
  let ignoringCase: Bool

  /// The possessive endings the last token of a phrase may carry in a text.
  private static let possessives: [[UInt8]] = ["'s", "’s", "'", "’"].map { Array($0.utf8) }

  init(_ bytes: [UInt8], ignoringCase: Bool) {
    self.ignoringCase = ignoringCase
    let isASCII = bytes.allSatisfy { $0 < 0x80 }
    self.bytes = ignoringCase && isASCII ? bytes.map(SearchToken.lowered) : bytes
    folded =
      ignoringCase && !isASCII ? String(decoding: bytes, as: UTF8.self).lowercased() : nil
  }

  /// Whether a text's token is this one (or, when `allowingPossessive`, this one followed by `'s` or `’`).
  func matches(_ token: ArraySlice<UInt8>, allowingPossessive: Bool) -> Bool {
    if let folded {
      let text = String(decoding: token, as: UTF8.self).lowercased()
      return text == folded
        || (allowingPossessive
          && SearchToken.possessives.contains {
            text == folded + String(decoding: $0, as: UTF8.self)
          })
    }
    if token.count == bytes.count { return equalsStart(of: token) }
    guard allowingPossessive, token.count > bytes.count, equalsStart(of: token) else {
      return false
    }
    let rest = token.dropFirst(bytes.count)
    return SearchToken.possessives.contains { rest.elementsEqual($0) }
  }

  /// Whether `token` starts with this token's bytes.
  private func equalsStart(of token: ArraySlice<UInt8>) -> Bool {
    var index = token.startIndex
    for byte in bytes {
      let other = ignoringCase ? SearchToken.lowered(token[index]) : token[index]
      guard other == byte else { return false }
      index += 1
    }
    return true
  }

  /// An ASCII upper-case letter lowered; every other byte as it is.
  private static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }
}

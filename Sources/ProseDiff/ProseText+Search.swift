extension ProseText {
  /// Where `phrase` occurs in this text, as ranges of this text's tokens, earliest first and not overlapping.
  ///
  /// Both are compared as `SearchUnit`s, so layout between words (line breaks, re-wrapping,
  /// indentation, blockquote markers) never matters, `Manager` does not match inside `Managers`
  /// but `Acme` does inside `acme.com`, and Unicode normal forms and apostrophes do not matter;
  /// the last unit also matches its possessive (`Microsoft` in `Microsoft’s`).
  public func occurrences(of phrase: ProseText, ignoringCase: Bool) -> [Range<Int>] {
    let wanted = phrase.searchUnits(ignoringCase: ignoringCase).map(\.bytes)
    let units = searchUnits(ignoringCase: ignoringCase)
    guard !wanted.isEmpty, wanted.count <= units.count else { return [] }
    var found: [Range<Int>] = []
    var start = 0
    while start + wanted.count <= units.count {
      let matched = wanted.indices.allSatisfy { offset in
        ProseText.matches(
          units[start + offset].bytes, wanted[offset],
          allowingPossessive: offset == wanted.count - 1)
      }
      guard matched else {
        start += 1
        continue
      }
      let tokens =
        units[start].tokens.lowerBound..<units[start + wanted.count - 1].tokens.upperBound
      // Two matches inside one token (`acme-acme`) are one place in the text.
      if tokens.lowerBound >= found.last?.upperBound ?? 0 { found.append(tokens) }
      start += wanted.count
    }
    return found
  }

  /// This text as phrase search compares it.
  public func searchUnits(ignoringCase: Bool) -> [SearchUnit] {
    SearchUnit.units(of: self, ignoringCase: ignoringCase)
  }

  /// Whether a text's unit is a phrase's (or, when `allowingPossessive`, that followed by `'s` or `'`).
  private static func matches(_ unit: [UInt8], _ wanted: [UInt8], allowingPossessive: Bool) -> Bool
  {
    if unit.count == wanted.count { return unit == wanted }
    guard allowingPossessive, unit.count > wanted.count, unit.starts(with: wanted) else {
      return false
    }
    let rest = unit.dropFirst(wanted.count)
    return SearchUnit.possessives.contains { rest.elementsEqual($0) }
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

/// Numbers byte strings so that equal strings get equal numbers, for diffing by integer comparison.
///
/// A token glued to the one before it (`bar` in `foo,bar`, `see` in `(see`) gets another number
/// than the same token after whitespace (`foo, bar`): adding or taking away that space changes
/// the text's words, which re-wrapping (a space for a line break, or the reverse) and indentation
/// never do. Emphasis and code marks (`*`, `_`, `~`, `` ` ``) are the exception, on either side,
/// so adding emphasis (`*principal*`) still marks only the asterisks.
///
/// An open-addressing hash table keyed by the bytes themselves: no `String` is made per token.
/// Each distinct string is copied once into a small arena and the table keeps its full hash, so a
/// look-up compares hashes first and bytes only in the arena, which stays in cache while a
/// megabyte of prose is numbered (a bio has a few thousand distinct words, a book tens of
/// thousands).
struct SymbolTable {
  /// Symbol numbers by slot, -1 when empty.
  private var slots = [Int32](repeating: -1, count: 1024)
  /// The hash of each symbol, so most mismatches never touch bytes.
  private var hashes: [UInt32] = []
  /// Whether each symbol is a token glued to the one before it.
  private var glued: [Bool] = []
  /// Where each symbol's bytes start in `arena`; one more entry marks the end.
  private var offsets: [Int32] = [0]
  /// The bytes of every distinct string, one after another.
  private var arena: [UInt8] = []

  /// The number of each span of the old and the new text, and how many distinct numbers were given.
  static func number(
    old: (bytes: [UInt8], spans: [TokenSpan]), new: (bytes: [UInt8], spans: [TokenSpan])
  ) -> (old: [Int32], new: [Int32], count: Int) {
    var table = SymbolTable()
    let oldSymbols = table.number(old.bytes, old.spans)
    let newSymbols = table.number(new.bytes, new.spans)
    return (oldSymbols, newSymbols, table.hashes.count)
  }

  private mutating func number(_ text: [UInt8], _ spans: [TokenSpan]) -> [Int32] {
    text.withUnsafeBufferPointer { text in
      var previousEnd: Int32?
      return spans.map { span in
        // The first token is never glued: whitespace before a text is layout.
        let isGlued =
          previousEnd == span.start && !SymbolTable.emphasis.contains(text[Int(span.start) - 1])
          && !SymbolTable.emphasis.contains(text[Int(span.start)])
        previousEnd = span.end
        return symbol(
          for: UnsafeBufferPointer(rebasing: text[span.range]),
          hash: isGlued ? span.hash ^ 0x9E37_79B9 : span.hash, glued: isGlued)
      }
    }
  }

  /// The marks a token may be glued to, or lose, without changing its words: emphasis and code.
  private static let emphasis: Set<UInt8> = Set("*_~`".utf8)

  private mutating func symbol(for bytes: UnsafeBufferPointer<UInt8>, hash: UInt32, glued: Bool)
    -> Int32
  {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let symbol = slots[slot]
      if symbol < 0 { break }
      if hashes[Int(symbol)] == hash && self.glued[Int(symbol)] == glued
        && arenaEqual(Int(symbol), bytes)
      {
        return symbol
      }
      slot = (slot + 1) & mask
    }
    let symbol = Int32(truncatingIfNeeded: hashes.count)
    slots[slot] = symbol
    hashes.append(hash)
    self.glued.append(glued)
    arena.append(contentsOf: bytes)
    offsets.append(Int32(truncatingIfNeeded: arena.count))
    if hashes.count * 2 > slots.count { grow() }
    return symbol
  }

  private func arenaEqual(_ symbol: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(offsets[symbol])
    guard Int(offsets[symbol + 1]) - start == bytes.count else { return false }
    return arena.withUnsafeBufferPointer { arena in
      var index = start
      for byte in bytes {
        if arena[index] != byte { return false }
        index += 1
      }
      return true
    }
  }

  /// Doubles the table, placing every symbol again by its hash.
  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (symbol, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(truncatingIfNeeded: symbol)
    }
  }
}

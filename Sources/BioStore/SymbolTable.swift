/// Numbers byte strings so that equal strings get equal numbers, for diffing by integer comparison.
///
/// An open-addressing hash table over the byte ranges themselves: no `String` is made per token,
/// which keeps a megabyte of prose to a few milliseconds.
struct SymbolTable {
  /// Where each symbol's first occurrence lies: which source and which byte range.
  private var representatives: [(source: Int, start: Int32, end: Int32)] = []
  /// Symbol numbers by hash slot, -1 when empty.
  private var slots: [Int32]
  private var mask: Int
  private let sources: [[UInt8]]

  /// The number of distinct symbols seen so far.
  var count: Int { representatives.count }

  /// A table for byte ranges of `sources`, sized for about `expectedCount` distinct symbols.
  init(sources: [[UInt8]], expectedCount: Int) {
    self.sources = sources
    var capacity = 64
    while capacity < expectedCount * 2 { capacity <<= 1 }
    slots = [Int32](repeating: -1, count: capacity)
    mask = capacity - 1
  }

  /// The symbol for bytes `start..<end` of source `source`.
  mutating func symbol(source: Int, start: Int32, end: Int32) -> Int32 {
    if representatives.count * 2 >= slots.count { grow() }
    let bytes = sources[source]
    var slot = SymbolTable.hash(bytes, start, end) & mask
    while true {
      let symbol = slots[slot]
      if symbol < 0 {
        slots[slot] = Int32(representatives.count)
        representatives.append((source, start, end))
        return slots[slot]
      }
      if matches(representatives[Int(symbol)], bytes, start, end) { return symbol }
      slot = (slot + 1) & mask
    }
  }

  private func matches(
    _ representative: (source: Int, start: Int32, end: Int32), _ bytes: [UInt8], _ start: Int32,
    _ end: Int32
  ) -> Bool {
    guard representative.end - representative.start == end - start else { return false }
    let other = sources[representative.source]
    var index = Int(start)
    var otherIndex = Int(representative.start)
    while index < Int(end) {
      if bytes[index] != other[otherIndex] { return false }
      index += 1
      otherIndex += 1
    }
    return true
  }

  /// FNV-1a of the bytes `start..<end`.
  private static func hash(_ bytes: [UInt8], _ start: Int32, _ end: Int32) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for index in Int(start)..<Int(end) {
      hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
    }
    return Int(truncatingIfNeeded: hash)
  }

  private mutating func grow() {
    let capacity = slots.count * 2
    slots = [Int32](repeating: -1, count: capacity)
    mask = capacity - 1
    for (symbol, representative) in representatives.enumerated() {
      let bytes = sources[representative.source]
      var slot = SymbolTable.hash(bytes, representative.start, representative.end) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(symbol)
    }
  }
}

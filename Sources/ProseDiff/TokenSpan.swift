/// Where one token (or line) lies in its text's bytes, which word holds it, and a hash of its bytes.
struct TokenSpan {
  /// The offset of its first byte.
  var start: Int32
  /// The offset just past its last byte.
  var end: Int32
  /// The whitespace-separated word that holds it, or -1 for a lone Markdown marker (or a line).
  var word: Int32
  /// FNV-1a of its bytes, for numbering equal tokens without comparing every byte.
  var hash: UInt32

  /// Makes a span over `bytes[start..<end]`, hashing them.
  @inline(__always)
  init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, word: Int) {
    var hash: UInt32 = 0x811C_9DC5
    for index in start..<end { hash = (hash ^ UInt32(bytes[index])) &* 0x0100_0193 }
    self.start = Int32(truncatingIfNeeded: start)
    self.end = Int32(truncatingIfNeeded: end)
    self.word = Int32(truncatingIfNeeded: word)
    self.hash = hash
  }

  /// The span's bytes as a range.
  var range: Range<Int> { Int(start)..<Int(end) }
}

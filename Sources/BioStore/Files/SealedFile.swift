/// A cache file that proves itself: a first line of a header naming what it is for and the seal (length and checksum) of the rest, then exactly those bytes.
///
/// A file with another header, cut short, padded or changed is not believed, so the caller makes
/// its contents again; it is replaced whole, atomically.
enum SealedFile {
  /// The bytes after the first line of the file at `path` if that line is `header` followed by their seal; nil otherwise (or when larger than `limit`).
  static func read(_ path: String, header: String, limit: Int = Int.max) -> ArraySlice<UInt8>? {
    guard let bytes = try? UnfollowedFile.read(path, limit: limit) else { return nil }
    let prefix = Array(header.utf8)
    guard bytes.starts(with: prefix),
      let lineEnd = bytes[prefix.count...].firstIndex(of: UInt8(ascii: "\n")),
      let seal = ContentSeal(
        text: Substring(decoding: bytes[prefix.count..<lineEnd], as: UTF8.self))
    else { return nil }
    let contents = bytes[(lineEnd + 1)...]
    // Exactly the sealed bytes: a file is replaced whole, so a longer one is damage too.
    guard contents.count == seal.length, ContentSeal(of: contents) == seal else { return nil }
    return contents
  }

  /// Replaces the file at `path` with `header`, the seal of `contents`, and `contents`; a cache that cannot be written is only slower.
  static func write(
    _ contents: [UInt8], to path: String, header: String, scratchDirectory: String
  ) {
    let first = Array((header + ContentSeal(of: contents).text + "\n").utf8)
    try? AtomicFile.write(first + contents, to: path, scratchDirectory: scratchDirectory)
  }
}

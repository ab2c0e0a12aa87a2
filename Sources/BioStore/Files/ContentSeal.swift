import Foundation

/// The length and a 64-bit checksum of a cache file's bytes, recorded when the file is written so a reader can tell that the file is what was written.
///
/// The checksum reads eight bytes at a time (a 3 MB file costs about a millisecond). It is not
/// cryptographic: it catches a file cut short, padded, emptied, or with lines moved, doubled or
/// changed, which is what crashes, disks and hand edits do. Each step is a bijection of the running
/// value for a fixed word, so any one changed word is always caught. Words are read in the
/// machine's byte order: the files are caches of this machine, never moved.
struct ContentSeal: Equatable, Sendable {
  /// How many bytes the file held.
  var length: Int
  /// The checksum of exactly those bytes.
  var checksum: UInt64

  /// The seal of `bytes`.
  init(of bytes: UnsafeRawBufferPointer) {
    length = bytes.count
    var hash: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      hash = ((hash ^ word) &* 0xff51_afd7_ed55_8ccd)
      hash = (hash << 31) | (hash >> 33)
      offset += 8
    }
    var tail: UInt64 = 0
    for index in offset..<bytes.count {
      tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset))
    }
    hash = (hash ^ tail) &* 0xc4ce_b9fe_1a85_ec53
    // A final mix, so that nearby inputs do not give nearby checksums.
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    checksum = hash
  }

  /// The seal of `bytes`.
  init<Bytes: ContiguousBytes>(of bytes: Bytes) {
    self = bytes.withUnsafeBytes { ContentSeal(of: $0) }
  }

  /// A recorded seal.
  init(length: Int, checksum: UInt64) {
    (self.length, self.checksum) = (length, checksum)
  }

  /// The seal as it is written in a file: the length and the checksum in hex, separated by a space.
  var text: String { "\(length) \(String(checksum, radix: 16))" }

  /// Reads a seal written as `text`, or nil when `text` is not one.
  init?(text: Substring) {
    let parts = text.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 19 }),
      let length = Int(parts[0]), length >= 0, let checksum = UInt64(parts[1], radix: 16)
    else { return nil }
    self.init(length: length, checksum: checksum)
  }

  /// The first `length` bytes of `bytes` when they are the bytes sealed, else nil; a longer file is an update that added to the file and died before recording its new seal.
  func sealedPart(of bytes: [UInt8]) -> ArraySlice<UInt8>? {
    guard bytes.count >= length else { return nil }
    let part = bytes[..<length]
    return ContentSeal(of: part) == self ? part : nil
  }
}

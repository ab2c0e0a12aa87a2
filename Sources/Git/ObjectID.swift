internal import Clibgit2

/// The SHA-1 id of a git object.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
  // The 20 bytes as three words (bytes 0–7, 8–15, 16–19 in memory order), so that comparing,
  // hashing and copying an id allocate nothing: a walk of 100,000 commits makes millions.
  private let first: UInt64
  private let second: UInt64
  private let third: UInt32

  /// Makes an id from 40 hex digits (either case), or nil if `hex` is not one.
  public init?(hex: String) {
    var hex = hex
    let parsed = hex.withUTF8 { digits -> ObjectID? in
      guard digits.count == 40 else { return nil }
      var bytes: (UInt64, UInt64, UInt32) = (0, 0, 0)
      let valid = withUnsafeMutableBytes(of: &bytes) { target -> Bool in
        for index in 0..<20 {
          guard let high = ObjectID.value(ofHexDigit: digits[2 * index]),
            let low = ObjectID.value(ofHexDigit: digits[2 * index + 1])
          else { return false }
          target[index] = high << 4 | low
        }
        return true
      }
      return valid ? withUnsafeBytes(of: bytes) { ObjectID(raw: $0) } : nil
    }
    guard let parsed else { return nil }
    self = parsed
  }

  init(_ oid: git_oid) {
    self = withUnsafeBytes(of: oid.id) { ObjectID(raw: $0) }
  }

  /// Makes an id from its 20 raw bytes, as binary files keep it.
  public init(raw: ArraySlice<UInt8>) {
    self = raw.withUnsafeBytes { ObjectID(raw: $0) }
  }

  /// Makes an id from the first 20 bytes at `raw` (missing bytes are zero).
  public init(raw: UnsafeRawBufferPointer) {
    var bytes: (UInt64, UInt64, UInt32) = (0, 0, 0)
    withUnsafeMutableBytes(of: &bytes) { target in
      target.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw.prefix(20)))
    }
    (first, second, third) = bytes
  }

  /// Runs `body` on the id's 20 raw bytes.
  private func withRawBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
    let bytes = (first, second, third)
    return withUnsafeBytes(of: bytes) { body(UnsafeRawBufferPointer(rebasing: $0.prefix(20))) }
  }

  /// The id's 20 raw bytes.
  public var raw: [UInt8] { withRawBytes { Array($0) } }

  /// The 40 lower-case hex digits.
  public var hex: String {
    let digits: StaticString = "0123456789abcdef"
    return withRawBytes { raw in
      String(unsafeUninitializedCapacity: 40) { buffer in
        digits.withUTF8Buffer { digit in
          for (index, byte) in raw.enumerated() {
            buffer[2 * index] = digit[Int(byte >> 4)]
            buffer[2 * index + 1] = digit[Int(byte & 0x0F)]
          }
        }
        return 40
      }
    }
  }

  /// The first seven hex digits, as `git log --oneline` shows them.
  public var short: String { String(hex.prefix(7)) }

  /// The hex digits.
  public var description: String { hex }

  var oid: git_oid {
    var oid = git_oid()
    withRawBytes { raw in
      withUnsafeMutableBytes(of: &oid.id) { $0.copyMemory(from: raw) }
    }
    return oid
  }

  /// The value of one hex digit, or nil for any other byte.
  private static func value(ofHexDigit digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

extension UInt8 {
  var isHexDigit: Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
  }
}

extension ObjectID: Codable {
  /// Decodes an id from its 40 hex digits.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let hex = try container.decode(String.self)
    guard let id = ObjectID(hex: hex) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "not a 40-digit object id: \(hex)")
    }
    self = id
  }

  /// Encodes the id as its 40 hex digits.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(hex)
  }
}

internal import Clibgit2

/// The SHA-1 id of a git object, kept as its 40 lower-case hex digits.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
  /// The 40 hex digits.
  public let hex: String

  /// Makes an id from 40 hex digits, or nil if `hex` is not one.
  public init?(hex: String) {
    guard hex.utf8.count == 40 else { return nil }
    var isLowercase = true
    for byte in hex.utf8 {
      guard byte.isHexDigit else { return nil }
      if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F") { isLowercase = false }
    }
    // Lower-casing allocates a new string; ids read back from biostore's own files never need it.
    self.hex = isLowercase ? hex : hex.lowercased()
  }

  init(_ oid: git_oid) {
    var oid = oid
    var buffer = [CChar](repeating: 0, count: 41)
    git_oid_tostr(&buffer, buffer.count, &oid)
    hex = String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Makes an id from its 20 raw bytes, as binary files keep it.
  public init(raw: ArraySlice<UInt8>) {
    self = raw.withUnsafeBytes { ObjectID(raw: $0) }
  }

  /// Makes an id from the first 20 bytes at `raw`, written straight into the string's storage: a token cache makes thousands.
  public init(raw: UnsafeRawBufferPointer) {
    let digits: StaticString = "0123456789abcdef"
    hex = String(unsafeUninitializedCapacity: 40) { buffer in
      digits.withUTF8Buffer { digit in
        for index in 0..<min(20, raw.count) {
          let byte = raw[index]
          buffer[2 * index] = digit[Int(byte >> 4)]
          buffer[2 * index + 1] = digit[Int(byte & 0x0F)]
        }
      }
      return 2 * min(20, raw.count)
    }
  }

  /// The id's 20 raw bytes.
  public var raw: [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(20)
    var high: UInt8?
    for digit in hex.utf8 {
      let value =
        digit <= UInt8(ascii: "9") ? digit - UInt8(ascii: "0") : digit - UInt8(ascii: "a") + 10
      if let first = high {
        bytes.append(first << 4 | value)
        high = nil
      } else {
        high = value
      }
    }
    return bytes
  }

  /// The first seven hex digits, as `git log --oneline` shows them.
  public var short: String { String(hex.prefix(7)) }

  /// The hex digits.
  public var description: String { hex }

  var oid: git_oid {
    var oid = git_oid()
    git_oid_fromstrn(&oid, hex, hex.utf8.count)
    return oid
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

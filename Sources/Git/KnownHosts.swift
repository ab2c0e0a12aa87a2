import Foundation

/// OpenSSH's `known_hosts` files, read to decide whether an SSH server's host key is the one this machine has seen before.
///
/// Lines are `HOSTS KEYTYPE BASE64KEY [comment]`; HOSTS is a comma-separated list of names
/// (`host`, or `[host]:port` for another port than 22) or one hashed entry `|1|SALT|HMAC`
/// (`HashKnownHosts`). Wildcards and `@cert-authority` lines are not understood and never match;
/// a `@revoked` line's key is refused.
struct KnownHosts {
  /// What the files say about one host key.
  enum Verdict: Equatable {
    /// A line names the host with this key.
    case known
    /// Lines name the host, but none with this key (or a line revokes it).
    case changed
    /// No line names the host.
    case unknown
  }

  /// The files, in order.
  let files: [String]

  /// The verdict for `key` (raw bytes, as SSH sends it) of `host` reached on `port`.
  func verdict(host: String, port: Int, key: [UInt8]) -> Verdict {
    let name = port == 22 ? host : "[\(host)]:\(port)"
    let encoded = Data(key).base64EncodedString()
    var named = false
    for file in files {
      guard let bytes = try? Data(contentsOf: URL(fileURLWithPath: file)) else { continue }
      for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
        var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = fields.first, !first.hasPrefix("#") else { continue }
        var revoked = false
        if first.hasPrefix("@") {
          guard first == "@revoked" else { continue }
          revoked = true
          fields.removeFirst()
        }
        guard fields.count >= 3, KnownHosts.names(fields[0], name) else { continue }
        if revoked {
          if fields[2] == encoded { return .changed }
          continue
        }
        named = true
        if fields[2] == encoded { return .known }
      }
    }
    return named ? .changed : .unknown
  }

  /// Whether a line's HOSTS field names `name`, plainly or hashed.
  static func names(_ field: String, _ name: String) -> Bool {
    if field.hasPrefix("|1|") {
      let parts = field.dropFirst(3).split(separator: "|")
      guard parts.count == 2, let salt = Data(base64Encoded: String(parts[0])),
        let hash = Data(base64Encoded: String(parts[1]))
      else { return false }
      return SHA1.hmac(key: Array(salt), message: Array(name.utf8)) == Array(hash)
    }
    return field.split(separator: ",").contains { $0 == name }
  }
}

/// SHA-1 and HMAC-SHA-1, only to match `known_hosts` entries hashed by OpenSSH's `HashKnownHosts`.
enum SHA1 {
  /// The HMAC-SHA-1 of `message` under `key` (RFC 2104).
  static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
    var block = key.count > 64 ? digest(key) : key
    block += [UInt8](repeating: 0, count: 64 - block.count)
    let inner = digest(block.map { $0 ^ 0x36 } + message)
    return digest(block.map { $0 ^ 0x5c } + inner)
  }

  /// The SHA-1 digest of `message` (FIPS 180-4).
  static func digest(_ message: [UInt8]) -> [UInt8] {
    var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
    var data = message + [0x80]
    while data.count % 64 != 56 { data.append(0) }
    let bits = UInt64(message.count) * 8
    for shift in stride(from: 56, through: 0, by: -8) {
      data.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
    }
    for chunk in stride(from: 0, to: data.count, by: 64) {
      var w = [UInt32](repeating: 0, count: 80)
      for i in 0..<16 {
        w[i] = data[chunk + 4 * i..<chunk + 4 * i + 4].reduce(0) { $0 << 8 | UInt32($1) }
      }
      for i in 16..<80 {
        let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
        w[i] = x << 1 | x >> 31
      }
      var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
      for i in 0..<80 {
        let (f, k): (UInt32, UInt32) =
          switch i {
          case 0..<20: ((b & c) | (~b & d), 0x5A82_7999)
          case 20..<40: (b ^ c ^ d, 0x6ED9_EBA1)
          case 40..<60: ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
          default: (b ^ c ^ d, 0xCA62_C1D6)
          }
        let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[i]
        (e, d, c, b, a) = (d, c, b << 30 | b >> 2, a, temp)
      }
      h[0] &+= a
      h[1] &+= b
      h[2] &+= c
      h[3] &+= d
      h[4] &+= e
    }
    return h.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
  }
}

import Foundation
import Git

/// Which commit each engagement pinned for each variant, kept beside the history index so `history` reads no tag twice.
///
/// `.git/biostore/index/engagements.pins` starts with a line that seals the rest (its length and
/// checksum), then holds one line per engagement tag: its name, the object its reference pointed
/// at when read, and `variant=commit` pairs. A line whose reference now points elsewhere is read
/// again from the tag; a file that does not match its seal is read as empty, so every tag is read
/// again. The file is a cache like the index. (Not `.tsv`: a variant may be named `engagements`.)
struct EngagementPinsCache {
  /// One engagement's pins.
  struct Entry: Equatable {
    var name: String
    var referenceTarget: ObjectID
    var pins: [(variant: VariantName, commit: ObjectID)]

    static func == (lhs: Entry, rhs: Entry) -> Bool {
      lhs.name == rhs.name && lhs.referenceTarget == rhs.referenceTarget
        && lhs.pins.map(\.variant) == rhs.pins.map(\.variant)
        && lhs.pins.map(\.commit) == rhs.pins.map(\.commit)
    }
  }

  /// The cache file.
  let path: String

  /// The first line's start; raise its number whenever the lines' form changes.
  private static let format = "biostore-pins 1 "

  /// The cached entries by name; empty when there is no file or it does not match its seal.
  func read() -> [String: Entry] {
    guard let file = try? UnfollowedFile.read(path) else { return [:] }
    let prefix = Array(EngagementPinsCache.format.utf8)
    guard file.starts(with: prefix),
      let lineEnd = file[prefix.count...].firstIndex(of: UInt8(ascii: "\n")),
      let seal = ContentSeal(text: Substring(decoding: file[prefix.count..<lineEnd], as: UTF8.self))
    else { return [:] }
    let body = file[(lineEnd + 1)...]
    guard body.count == seal.length, ContentSeal(of: body) == seal else { return [:] }
    // Parsed as bytes: a store may hold thousands of engagements, and `history` reads them all.
    return body.withUnsafeBufferPointer { bytes in
      var entries: [String: Entry] = [:]
      var fields: [String] = []
      var fieldStart = 0
      for index in 0...bytes.count {
        let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
        guard byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") else { continue }
        fields.append(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
        fieldStart = index + 1
        guard byte == UInt8(ascii: "\n") else { continue }
        defer { fields.removeAll(keepingCapacity: true) }
        if fields == [""] { continue }
        guard let entry = EngagementPinsCache.entry(fields) else { return [:] }
        entries[entry.name] = entry
      }
      return entries
    }
  }

  private static func entry(_ fields: [String]) -> Entry? {
    guard fields.count >= 2, let target = ObjectID(hex: fields[1]) else { return nil }
    var pins: [(variant: VariantName, commit: ObjectID)] = []
    for field in fields.dropFirst(2) {
      guard let equals = field.firstIndex(of: "="),
        let variant = try? VariantName(String(field[..<equals])),
        let commit = ObjectID(hex: String(field[field.index(after: equals)...]))
      else { return nil }
      pins.append((variant, commit))
    }
    return Entry(name: fields[0], referenceTarget: target, pins: pins)
  }

  /// Replaces the file with `entries`, quietly: a cache that cannot be written is only slower.
  func write(_ entries: [Entry], scratchDirectory: String) {
    let text = entries.map { entry in
      ([entry.name, entry.referenceTarget.hex] + entry.pins.map { "\($0.variant)=\($0.commit.hex)" })
        .joined(separator: "\t") + "\n"
    }.joined()
    let body = Array(text.utf8)
    let header = Array("\(EngagementPinsCache.format)\(ContentSeal(of: body).text)\n".utf8)
    try? FileManager.default.createDirectory(
      atPath: scratchDirectory, withIntermediateDirectories: true)
    try? AtomicFile.write(header + body, to: path, scratchDirectory: scratchDirectory)
  }
}

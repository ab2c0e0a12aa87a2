import Foundation
import Git

/// Which commit each engagement pinned for each variant, kept beside the history index so `history` reads no tag twice.
///
/// `.git/biostore/index/engagements.tsv` holds one line per engagement tag: its name, the object
/// its reference pointed at when read, and `variant=commit` pairs. A line whose reference now
/// points elsewhere is read again from the tag; the file is a cache like the index.
struct EngagementPins {
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

  /// The cached entries by name; empty when there is no file or it cannot be read.
  func read() -> [String: Entry] {
    guard let data = FileManager.default.contents(atPath: path) else { return [:] }
    // Parsed as bytes: a store may hold thousands of engagements, and `history` reads them all.
    return Array(data).withUnsafeBufferPointer { bytes in
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
        guard let entry = EngagementPins.entry(fields) else { return [:] }
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
    try? FileManager.default.createDirectory(
      atPath: scratchDirectory, withIntermediateDirectories: true)
    try? AtomicFile.write(Array(text.utf8), to: path, scratchDirectory: scratchDirectory)
  }
}

extension Store {
  /// Every engagement's pinned commits, read from the tags only where the cache is stale.
  func engagementPins() throws(StoreError) -> [EngagementPins.Entry] {
    let references = try storage { () throws(GitError) in
      try repository.referenceTargets(under: Store.engagementPrefix)
    }
    let cache = EngagementPins(path: historyIndex.directory + "/engagements.tsv")
    let cached = cache.read()
    var entries: [EngagementPins.Entry] = []
    var changed = cached.count != references.count
    for (reference, target) in references {
      let name = String(reference.dropFirst(Store.engagementPrefix.count))
      if let entry = cached[name], entry.referenceTarget == target {
        entries.append(entry)
        continue
      }
      changed = true
      var pins: [(variant: VariantName, commit: ObjectID)] = []
      if let engagement = try? EngagementName(name),
        case (let message, let commit?) = try readTag(target, name: engagement)
      {
        if message.namesVariants {
          for pin in message.pins {
            if let prefix = pin.commit {
              if let pinned = try? self.commit(prefix: prefix) {
                pins.append((pin.variant, pinned.id))
              }
            } else {
              pins.append((pin.variant, commit.id))
            }
          }
        } else {
          pins = try variantFiles(of: commit).keys.sorted().map { ($0, commit.id) }
        }
      }
      entries.append(EngagementPins.Entry(name: name, referenceTarget: target, pins: pins))
    }
    if changed { cache.write(entries, scratchDirectory: historyIndex.directory) }
    return entries
  }

  /// The names of the engagements sent each version of `variant`, by version commit, for `history`.
  ///
  /// A pin on a version's own commit (as `biostore tag` writes) is matched in the index; a pin on
  /// any other commit (a hand-made tag on the tip) is resolved by one walk of the main line.
  func engagementNames(
    sentVersionsOf variant: VariantName, versions: [Version]
  ) throws(StoreError) -> [ObjectID: [String]] {
    // A history can reach into the variant it was renamed from: pins name the variant they were sent.
    let sentVersions = Set(versions.map { "\($0.variant) \($0.id.hex)" })
    let variants = Set(versions.map(\.variant)).union([variant])
    var names: [ObjectID: [String]] = [:]
    var resolver = SentVersionResolver()
    for entry in try engagementPins() {
      for pin in entry.pins where variants.contains(pin.variant) {
        var version = pin.commit
        if !sentVersions.contains("\(pin.variant) \(pin.commit.hex)") {
          let commit = try storage { () throws(GitError) in try repository.commit(pin.commit) }
          guard let blob = try variantFiles(of: commit)[pin.variant] else { continue }
          version = try resolver.version(of: pin.variant, in: commit, blob: blob, store: self).id
        }
        names[version, default: []].append(entry.name)
      }
    }
    return names
  }
}

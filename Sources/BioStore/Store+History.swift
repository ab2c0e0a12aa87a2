import Foundation
import Git

extension Store {
  /// The versions of `variant`, newest first in commit order, within the dates given and at most `limit` of them, each with the engagements that were sent it.
  public func history(
    of variant: VariantName, since: DateInput? = nil, until: DateInput? = nil, limit: Int? = nil
  ) throws(StoreError) -> [HistoryEntry] {
    try history(
      of: variant, in: indexedHistory(of: variant), since: since, until: until, limit: limit)
  }

  private func history(
    of variant: VariantName, in variantHistory: VariantHistory, since: DateInput? = nil,
    until: DateInput? = nil, limit: Int? = nil
  ) throws(StoreError) -> [HistoryEntry] {
    let versions = variantHistory.versions
    guard !versions.isEmpty else {
      throw .unknownVariant(variant.rawValue, known: try currentVariants().map(\.rawValue))
    }
    let sentTo = try engagementNames(sentVersionsOf: variant, versions: versions.map(\.version))
    var entries: [HistoryEntry] = []
    for indexed in versions {
      if let limit, entries.count >= limit { break }
      let version = indexed.version
      if let since, !since.admitsOnOrAfter(version.date) { continue }
      if let until, !until.admitsOnOrBefore(version.date) { continue }
      entries.append(
        HistoryEntry(
          version: version, words: indexed.words, added: indexed.added, removed: indexed.removed,
          engagements: sentTo[version.id] ?? []))
    }
    return entries
  }

  /// The whole of `history VARIANT` as text, kept beside the index for the tip and the engagement tags it was made for, so a large history is printed without being rebuilt.
  public func historyListing(of variant: VariantName) throws(StoreError) -> String {
    guard let view = try currentIndex() else {
      return HistoryListing.text(try history(of: variant))
    }
    // The engagement tags as they stand: names and targets, without reading a tag.
    let references = try storage { () throws(GitError) in
      try repository.referenceTargets(under: Store.engagementPrefix)
    }
    var fingerprint: UInt64 = 0xcbf2_9ce4_8422_2325
    for (name, target) in references {
      for byte in (name + target.hex).utf8 {
        fingerprint = (fingerprint ^ UInt64(byte)) &* 0x100_0000_01b3
      }
    }
    let key = "\(view.state.tip.hex) \(String(fingerprint, radix: 16))\n"
    let path = historyIndex.directory + "/" + variant.rawValue + ".listing"
    if let data = FileManager.default.contents(atPath: path) {
      let text = String(decoding: data, as: UTF8.self)
      if text.hasPrefix(key) { return String(text.dropFirst(key.count)) }
    }
    let variantHistory = try indexedHistory(of: variant)
    var events: [HistoryListing.Event] = []
    for item in variantHistory.items {
      switch item {
      case .version: continue
      case .removed(let removed, let event, let position):
        events.append(
          .init(
            position: position, line: "\(event.date.rfc3339)  \(event.id.short)  \(removed) removed"
          ))
      case .renamed(let old, let new, let event, let position):
        events.append(
          .init(
            position: position,
            line: "\(event.date.rfc3339)  \(event.id.short)  renamed \(old) to \(new)"))
      }
    }
    let listing = HistoryListing.text(
      try history(of: variant, in: variantHistory), events: events)
    // A cache that cannot be written is only slower.
    try? AtomicFile.write(
      Array((key + listing).utf8), to: path, scratchDirectory: historyIndex.directory)
    return listing
  }
}

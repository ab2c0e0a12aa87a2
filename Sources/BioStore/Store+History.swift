import Git

extension Store {
  /// The versions of `variant`, newest first in commit order, within the dates given and at most `limit` of them, each with the engagements that were sent it.
  public func history(
    of variant: VariantName, since: DateInput? = nil, until: DateInput? = nil, limit: Int? = nil
  ) throws(StoreError) -> [HistoryEntry] {
    let versions = try timeline(of: variant).versions
    guard !versions.isEmpty else {
      throw .unknownVariant(variant.rawValue, known: try currentVariants().map(\.rawValue))
    }
    var sentTo: [ObjectID: [String]] = [:]
    for engagement in try engagements().engagements {
      guard let sent = engagement.version(of: variant) else { continue }
      sentTo[sent.version.id, default: []].append(engagement.name.rawValue)
    }
    var entries: [HistoryEntry] = []
    var texts: [ObjectID: ProseText] = [:]
    func text(of blob: ObjectID) throws(StoreError) -> ProseText {
      if let text = texts[blob] { return text }
      let text = ProseText(bytes: try bytes(ofBlob: blob))
      texts[blob] = text
      return text
    }
    for (index, version) in versions.enumerated() {
      if let limit, entries.count >= limit { break }
      if let since, !since.admitsOnOrAfter(version.date) { continue }
      if let until, !until.admitsOnOrBefore(version.date) { continue }
      let current = try text(of: version.blobID)
      let previous = index + 1 < versions.count ? try text(of: versions[index + 1].blobID) : nil
      let change = ProseDiff(old: previous ?? ProseText(""), new: current)
      entries.append(
        HistoryEntry(
          version: version, words: current.wordCount, added: change.added,
          removed: change.removed, engagements: sentTo[version.id] ?? []))
    }
    return entries
  }
}

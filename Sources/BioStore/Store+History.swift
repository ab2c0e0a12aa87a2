import Git

extension Store {
  /// The versions of `variant`, newest first in commit order, within the dates given and at most `limit` of them, each with the engagements that were sent it.
  public func history(
    of variant: VariantName, since: DateInput? = nil, until: DateInput? = nil, limit: Int? = nil
  ) throws(StoreError) -> [HistoryEntry] {
    let versions = try indexedHistory(of: variant).versions
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
}

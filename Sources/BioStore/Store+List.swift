import Git

extension Store {
  /// The variants in the branch tip, alphabetically, each with its latest date, version count and words, read from the history index.
  public func variants() throws(StoreError) -> [VariantSummary] {
    var summaries: [VariantSummary] = []
    for variant in try variantFiles(of: tipCommit()).keys.sorted() {
      let versions = try indexedHistory(of: variant).versions
      guard let latest = versions.first else { continue }
      summaries.append(
        VariantSummary(
          variant: variant, date: latest.version.date, versions: versions.count,
          words: latest.words))
    }
    return summaries
  }
}

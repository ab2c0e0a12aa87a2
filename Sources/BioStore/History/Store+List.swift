import Git

extension Store {
  /// The variants in the branch tip (with `includingRetired`, also those removed or renamed away), alphabetically, each with its latest date, version count and words, read from the history index.
  public func variants(includingRetired: Bool = false) throws(StoreError) -> [VariantSummary] {
    var summaries: [VariantSummary] = []
    let current = Set(try mainLine.tipFiles().keys)
    let names = includingRetired ? Set(try index.variants()).union(current) : current
    for variant in names.sorted() {
      let history = try index.history(of: variant)
      guard let latest = history.versions.first else { continue }
      var summary = VariantSummary(
        variant: variant, date: latest.version.date, versions: history.versions.count,
        words: latest.words)
      if !current.contains(variant) {
        summary.retired =
          history.renamedTo.map { "renamed to \($0.variant) on \($0.event.date.day)" }
          ?? history.removal.map { "removed on \($0.date.day)" } ?? "removed"
      }
      summaries.append(summary)
    }
    return summaries
  }
}

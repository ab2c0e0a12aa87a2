import Git

extension Store {
  /// The variants in the branch tip, alphabetically, each with its latest date, version count and words, from one walk of the main line.
  public func variants() throws(StoreError) -> [VariantSummary] {
    let current = try variantFiles(of: tipCommit())
    var counts: [VariantName: Int] = [:]
    var latest: [VariantName: Timestamp] = [:]
    try walkMainLine { step in
      for change in step.changes where change.newBlob != nil && current[change.variant] != nil {
        counts[change.variant, default: 0] += 1
        if latest[change.variant] == nil {
          latest[change.variant] = Timestamp(step.commit.author)
        }
      }
      return true
    }
    var summaries: [VariantSummary] = []
    for (variant, blob) in current.sorted(by: { $0.key < $1.key }) {
      guard let date = latest[variant] else { continue }
      let text = String(decoding: try bytes(ofBlob: blob), as: UTF8.self)
      summaries.append(
        VariantSummary(
          variant: variant, date: date, versions: counts[variant, default: 0],
          words: ProseText(text).wordCount))
    }
    return summaries
  }
}

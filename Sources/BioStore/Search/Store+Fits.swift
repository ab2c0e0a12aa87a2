extension Store {
  /// The latest version of each current variant (with `allVersions`, every version there has been) that fits `limit`, shortest first; refused with `nothingFits`, naming the shortest, when none does.
  public func fitting(_ limit: LengthLimit, allVersions: Bool = false) throws(StoreError)
    -> [FittingVersion]
  {
    var fitting: [FittingVersion] = []
    var shortest: FittingVersion?
    for (variant, indexed) in try searchedVersions(allVersions: allVersions) {
      // The index has biostore's own words; another rule counts the text.
      let length =
        limit.rule == .words
        ? indexed.words : limit.length(of: try text(of: indexed.version))
      let candidate = FittingVersion(
        variant: variant, version: indexed.version, length: length, words: indexed.words)
      if length <= limit.count {
        fitting.append(candidate)
      } else if shortest.map({ length < $0.length }) ?? true {
        shortest = candidate
      }
    }
    guard !fitting.isEmpty else {
      throw .nothingFits(
        limit: limit, allVersions: allVersions,
        shortest: shortest.map { "\($0.variant) as of \($0.version.date.rfc3339)" },
        length: shortest?.length)
    }
    // Stable: equal lengths keep variant order, then newest first.
    return fitting.enumerated().sorted {
      ($0.element.length, $0.offset) < ($1.element.length, $1.offset)
    }.map(\.element)
  }
}

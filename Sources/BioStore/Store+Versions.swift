import Git

extension Store {
  /// Walks the main line for `variant`, newest first, until `isComplete` says enough has been seen.
  func timeline(
    of variant: VariantName, until isComplete: (VariantTimeline) -> Bool = { _ in false }
  ) throws(StoreError) -> VariantTimeline {
    var timeline = VariantTimeline(variant: variant)
    try walkMainLine { step in
      timeline.record(step)
      return !isComplete(timeline)
    }
    return timeline
  }

  /// The version a spec names, or an error saying why there is none.
  ///
  /// The walk stops as soon as the selected version and the `~N` before it have been seen, so
  /// recent versions are found without reading the whole history.
  public func version(_ spec: Spec) throws(StoreError) -> Version {
    let variant = spec.variant
    var commit: Commit?
    if case .name(let name) = spec.selector {
      if let sent = try engagementCommit(named: name, variant: variant) {
        commit = sent
      } else {
        commit = try self.commit(prefix: name)
      }
    }
    var selected: Int?
    let timeline = try timeline(of: variant) { timeline in
      if selected == nil, let newest = timeline.versions.last,
        Store.isSelected(newest, by: spec.selector, commit: commit, in: timeline)
      {
        selected = timeline.versions.count - 1
      }
      return selected.map { timeline.versions.count > $0 + spec.stepsBack } ?? false
    }
    let versions = timeline.versions
    guard let earliest = versions.last else {
      throw .unknownVariant(variant.rawValue, known: try currentVariants().map(\.rawValue))
    }
    switch spec.selector {
    case .latest:
      if let removal = timeline.removal {
        throw .removedVariant(variant.rawValue, on: Timestamp(removal.author), commit: removal.id)
      }
    case .date(_, let text):
      guard selected != nil else {
        throw .noVersion(of: variant.rawValue, onOrBefore: text, earliest: earliest.date)
      }
    case .name:
      guard let commit else { break }
      guard let blob = try variantFiles(of: commit)[variant] else {
        throw .variantNotInCommit(variant.rawValue, commit: commit.id)
      }
      guard selected != nil else {
        guard spec.stepsBack == 0 else { throw .commitNotOnMainLine(commit.id) }
        return Version(variant: variant, commit: commit, blobID: blob, lineIndex: nil)
      }
    }
    let index = selected ?? 0
    guard index + spec.stepsBack < versions.count else {
      throw .tooFarBack(
        variant: variant.rawValue, steps: spec.stepsBack, available: versions.count - index)
    }
    return versions[index + spec.stepsBack]
  }

  /// Whether `version`, the oldest seen so far, is the one `selector` picks.
  private static func isSelected(
    _ version: Version, by selector: Spec.Selector, commit: Commit?, in timeline: VariantTimeline
  ) -> Bool {
    switch selector {
    case .latest:
      return true
    case .date(let date, _):
      return date.admitsOnOrBefore(version.date)
    case .name:
      guard let commit, let position = timeline.lineIndexes[commit.id],
        let lineIndex = version.lineIndex
      else { return false }
      return lineIndex >= position
    }
  }

  /// The one commit whose id starts with `prefix` (7 to 40 hex digits).
  func commit(prefix: String) throws(StoreError) -> Commit {
    guard (7...40).contains(prefix.utf8.count), prefix.utf8.allSatisfy(\.isLowerHexDigit) else {
      throw .unknownCommit(prefix, ambiguous: false)
    }
    do {
      return try repository.commit(repository.commitID(prefix: prefix))
    } catch  where error.kind == .ambiguous {
      throw .unknownCommit(prefix, ambiguous: true)
    } catch  where error.kind == .notFound {
      throw .unknownCommit(prefix, ambiguous: false)
    } catch {
      throw .storage("cannot look up commit \(prefix) (\(error.message))")
    }
  }

  /// The variants whose files are in the branch tip, sorted.
  func currentVariants() throws(StoreError) -> [VariantName] {
    try variantFiles(of: tipCommit()).keys.sorted()
  }
}

extension UInt8 {
  fileprivate var isLowerHexDigit: Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
  }
}

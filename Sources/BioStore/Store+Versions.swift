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
  /// The latest version and `@DATE` are read from the history index; `@ENGAGEMENT` and `@COMMIT`
  /// walk the main line, stopping as soon as the selected version and the `~N` before it are seen.
  public func version(_ spec: Spec) throws(StoreError) -> Version {
    if case .name = spec.selector { return try versionByName(spec) }
    let variant = spec.variant
    var admits: ((Timestamp) -> Bool)?
    if case .date(let date, _) = spec.selector { admits = date.admitsOnOrBefore }
    if let version = try indexedVersion(of: variant, stepsBack: spec.stepsBack, admits: admits) {
      return version
    }
    let history = try indexedHistory(of: variant)
    let versions = history.versions.map(\.version)
    guard let earliest = versions.last else {
      throw .unknownVariant(variant.rawValue, known: try currentVariants().map(\.rawValue))
    }
    var selected = 0
    if case .date(let date, let text) = spec.selector {
      // Newest first in commit order, so the first admitted is DESIGN.md's answer even when dates are out of order.
      guard let index = versions.firstIndex(where: { date.admitsOnOrBefore($0.date) }) else {
        throw .noVersion(of: variant.rawValue, onOrBefore: text, earliest: earliest.date)
      }
      selected = index
    } else if let renamed = history.renamedTo {
      throw .renamedVariant(
        variant.rawValue, to: renamed.variant.rawValue, on: renamed.event.date,
        commit: renamed.event.id)
    } else if let removal = history.removal {
      throw .removedVariant(variant.rawValue, on: removal.date, commit: removal.id)
    }
    guard selected + spec.stepsBack < versions.count else {
      throw .tooFarBack(
        variant: variant.rawValue, steps: spec.stepsBack, available: versions.count - selected)
    }
    return versions[selected + spec.stepsBack]
  }

  /// The version `VARIANT@ENGAGEMENT` or `VARIANT@COMMIT` names (`~N` counts back from it), found by walking the main line, since the commit need not be one of the variant's versions.
  private func versionByName(_ spec: Spec) throws(StoreError) -> Version {
    guard case .name(let name) = spec.selector else { return try version(spec) }
    let variant = spec.variant
    let commit: Commit
    if let sent = try engagementCommit(named: name, variant: variant) {
      commit = sent
    } else {
      commit = try self.commit(prefix: name)
    }
    guard let blob = try variantFiles(of: commit)[variant] else {
      throw .variantNotInCommit(variant.rawValue, commit: commit.id)
    }
    // The version the commit holds is the newest one at or below it on the main line.
    var selected: Int?
    let timeline = try timeline(of: variant) { timeline in
      if selected == nil, let position = timeline.lineIndexes[commit.id],
        let newest = timeline.versions.last, let lineIndex = newest.lineIndex,
        lineIndex >= position
      {
        selected = timeline.versions.count - 1
      }
      return selected.map { timeline.versions.count > $0 + spec.stepsBack } ?? false
    }
    guard let index = selected else {
      guard spec.stepsBack == 0 else { throw .commitNotOnMainLine(commit.id) }
      return Version(variant: variant, commit: commit, blobID: blob, lineIndex: nil)
    }
    guard index + spec.stepsBack < timeline.versions.count else {
      throw .tooFarBack(
        variant: variant.rawValue, steps: spec.stepsBack,
        available: timeline.versions.count - index)
    }
    return timeline.versions[index + spec.stepsBack]
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

import Git

extension Store {
  /// Walks the main line for `variant`, stopping at its newest version when only that is needed.
  func timeline(of variant: VariantName, stopAtFirstVersion: Bool = false) throws(StoreError)
    -> VariantTimeline
  {
    var timeline = VariantTimeline(variant: variant)
    try walkMainLine { step in
      timeline.record(step)
      return !(stopAtFirstVersion && !timeline.versions.isEmpty)
    }
    return timeline
  }

  /// The version a spec names, or an error saying why there is none.
  public func version(_ spec: Spec) throws(StoreError) -> Version {
    let variant = spec.variant
    let timeline = try timeline(of: variant)
    let versions = timeline.versions
    guard let earliest = versions.last else {
      throw .unknownVariant(variant.rawValue, known: try currentVariants().map(\.rawValue))
    }
    let index: Int
    switch spec.selector {
    case .latest:
      if let removal = timeline.removal {
        throw .removedVariant(
          variant.rawValue,
          on: Timestamp(removal.author),
          commit: removal.id)
      }
      index = 0
    case .date(let date, let text):
      guard let found = versions.firstIndex(where: { date.admitsOnOrBefore($0.date) }) else {
        throw .noVersion(of: variant.rawValue, onOrBefore: text, earliest: earliest.date)
      }
      index = found
    case .name(let name):
      if let sent = try engagementVersion(named: name, variant: variant) { return sent }
      let commit = try commit(prefix: name)
      guard let blob = try variantFiles(of: commit)[variant] else {
        throw .variantNotInCommit(variant.rawValue, commit: commit.id)
      }
      guard let position = timeline.lineIndexes[commit.id],
        let found = versions.firstIndex(where: { $0.lineIndex! >= position })
      else {
        guard spec.stepsBack == 0 else { throw .commitNotOnMainLine(commit.id) }
        return Version(variant: variant, commit: commit, blobID: blob, lineIndex: nil)
      }
      index = found
    }
    guard index + spec.stepsBack < versions.count else {
      throw .tooFarBack(
        variant: variant.rawValue, steps: spec.stepsBack, available: versions.count - index)
    }
    return versions[index + spec.stepsBack]
  }

  /// The version of `variant` that engagement `name` was sent, or nil when no such engagement exists.
  ///
  /// The hook for `VARIANT@ENGAGEMENT`: engagements are tags under `refs/tags/engagements/`, written by
  /// `biostore tag`; until a store holds one, every name falls through to a commit prefix.
  func engagementVersion(named name: String, variant: VariantName) throws(StoreError) -> Version? {
    let tagged = try storage { () throws(GitError) in
      try repository.referenceNames(under: "refs/tags/engagements/\(name)")
    }
    guard tagged.contains("refs/tags/engagements/\(name)") else { return nil }
    throw .badSpec(
      "\(variant)@\(name)",
      reason: "engagement '\(name)' exists, but reading engagements needs a newer biostore")
  }

  /// The one commit whose id starts with `prefix` (7 to 40 hex digits).
  private func commit(prefix: String) throws(StoreError) -> Commit {
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

import Git

extension Store {
  /// The version a spec names, or an error saying why there is none; the history index answers.
  public func version(_ spec: Spec) throws(StoreError) -> Version {
    do {
      return try versionIgnoringEngagementNames(spec)
    } catch .unknownVariant(let name, let known) {
      // `show sc24-tpc`: the person gave an engagement where a variant goes.
      if let engagement = try? EngagementName(name),
        try engagementReader.target(of: engagement) != nil
      {
        throw .engagementNotVariant(name)
      }
      throw .unknownVariant(name, known: known)
    }
  }

  private func versionIgnoringEngagementNames(_ spec: Spec) throws(StoreError) -> Version {
    switch spec.selector {
    case .latest:
      return try index.version(
        of: spec.variant, onOrBefore: nil, dateText: "", stepsBack: spec.stepsBack)
    case .date(let date, let text):
      return try index.version(
        of: spec.variant, onOrBefore: date, dateText: text, stepsBack: spec.stepsBack)
    case .name(let name):
      // An engagement name is tried first, as DESIGN.md says; else a commit prefix.
      var commit = try engagementReader.pinnedCommit(named: name, variant: spec.variant)
      if commit == nil {
        do {
          commit = try mainLine.commit(prefix: name).id
        } catch .unknownCommit(_, ambiguous: false) {
          // A word is most often a mistyped engagement: name the nearest ones (not for hex digits).
          let isHex = name.allSatisfy(\.isHexDigit)
          throw .nothingMatchesAfterAt(
            name,
            closest: isHex
              ? [] : ClosestNames.to(name, among: try engagementReader.names().map(\.rawValue)))
        }
      }
      guard let commit else { throw .unknownCommit(name, ambiguous: false) }
      guard
        let held = try index.version(of: spec.variant, heldBy: commit, stepsBack: spec.stepsBack)
      else {
        throw .variantNotInCommit(spec.variant.rawValue, commit: commit)
      }
      return held.version
    }
  }

  /// The names of the variants in the branch tip, sorted, for completion and suggestions.
  public func variantNames() throws(StoreError) -> [VariantName] {
    try currentVariants()
  }

  /// The variants whose files are in the branch tip, sorted.
  func currentVariants() throws(StoreError) -> [VariantName] {
    try mainLine.tipFiles().keys.sorted()
  }
}

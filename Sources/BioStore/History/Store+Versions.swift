import Git

extension Store {
  /// The version a spec names, or an error saying why there is none; the history index answers.
  public func version(_ spec: Spec) throws(StoreError) -> Version {
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
      if commit == nil { commit = try mainLine.commit(prefix: name).id }
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

import ProseDiff

extension Store {
  /// Compares two versions, or everything two engagements (or an engagement and a version) were sent, word by word.
  ///
  /// Two versions are compared with each other even when they are of different variants. Otherwise
  /// each variant either side has is compared, by name, and a variant only one side has comes with
  /// the other side nil.
  public func diff(from old: DiffOperand, to new: DiffOperand) throws(StoreError) -> [VariantDiff] {
    let from = try side(old)
    let to = try side(new)
    if case .version(let single) = from, case .version(let other) = to {
      return [try compare(single, other, as: other.variant)]
    }
    let fromVersions = from.byVariant
    let toVersions = to.byVariant
    var diffs: [VariantDiff] = []
    for variant in Set(fromVersions.keys).union(toVersions.keys).sorted() {
      diffs.append(try compare(fromVersions[variant], toVersions[variant], as: variant))
    }
    return diffs
  }

  /// What one side of a diff stands for: `@NAME` is an engagement, and so is a bare name that no current variant has.
  private func side(_ operand: DiffOperand) throws(StoreError) -> DiffSide {
    switch operand {
    case .engagement(let name):
      guard let engagement = try engagement(named: name) else {
        throw .unknownEngagement(
          name.rawValue,
          known: ClosestNames.to(
            name.rawValue, among: try engagementReader.names().map(\.rawValue)))
      }
      return .engagement(engagement)
    case .version(let spec):
      if let bare = operand.bareName, !(try currentVariants().contains(spec.variant)),
        let name = try? EngagementName(bare), let engagement = try engagement(named: name)
      {
        return .engagement(engagement)
      }
      return .version(try version(spec))
    }
  }

  /// The word-level comparison of two versions (either may be missing), reported as `variant`'s.
  func compare(_ from: Version?, _ to: Version?, as variant: VariantName) throws(StoreError)
    -> VariantDiff
  {
    func text(_ version: Version?) throws(StoreError) -> ProseText {
      guard let version else { return ProseText("") }
      return ProseText(bytes: try bytes(ofBlob: version.blobID))
    }
    return VariantDiff(
      variant: variant, from: from, to: to, prose: ProseDiff(old: try text(from), new: try text(to))
    )
  }
}

/// One side of a diff, resolved: a single version, or what an engagement was sent.
private enum DiffSide {
  case version(Version)
  case engagement(Engagement)

  var byVariant: [VariantName: Version] {
    switch self {
    case .version(let version):
      return [version.variant: version]
    case .engagement(let engagement):
      var versions: [VariantName: Version] = [:]
      for sent in engagement.sent { versions[sent.variant] = sent.version }
      return versions
    }
  }
}

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
      var commit = try engagementCommit(named: name, variant: spec.variant)
      if commit == nil { commit = try self.commit(prefix: name) }
      guard let commit else { throw .unknownCommit(name, ambiguous: false) }
      guard
        let held = try index.version(
          of: spec.variant, heldBy: commit.id, stepsBack: spec.stepsBack)
      else {
        throw .variantNotInCommit(spec.variant.rawValue, commit: commit.id)
      }
      return held.version
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
    try mainLine.tipFiles().keys.sorted()
  }
}

extension UInt8 {
  fileprivate var isLowerHexDigit: Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
  }
}

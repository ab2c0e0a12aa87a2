extension Store {
  /// Compares the versions two specs name, word by word; one entry per variant compared.
  public func diff(from old: Spec, to new: Spec) throws(StoreError) -> [VariantDiff] {
    let from = try version(old)
    let to = try version(new)
    let prose = ProseDiff(old: try text(of: from), new: try text(of: to))
    return [VariantDiff(variant: to.variant, from: from, to: to, prose: prose)]
  }
}

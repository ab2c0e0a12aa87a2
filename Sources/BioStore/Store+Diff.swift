extension Store {
  /// Compares the versions two specs name, word by word; one entry per variant compared.
  public func diff(from old: Spec, to new: Spec) throws(StoreError) -> [VariantDiff] {
    let from = try version(old)
    let to = try version(new)
    let prose = ProseDiff(
      old: ProseText(bytes: try bytes(ofBlob: from.blobID)),
      new: ProseText(bytes: try bytes(ofBlob: to.blobID)))
    return [VariantDiff(variant: to.variant, from: from, to: to, prose: prose)]
  }
}

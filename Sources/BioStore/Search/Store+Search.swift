import ProseDiff

extension Store {
  /// The variants a search goes through: those in the branch tip, and with `retired` also those removed since, alphabetically; one renamed away is left out, since its versions are in the history of its new name.
  func searchedVariants(includingRetired retired: Bool) throws(StoreError) -> [(
    variant: VariantName, history: VariantHistory
  )] {
    let current = Set(try mainLine.tipFiles().keys)
    let names = retired ? Set(try index.variants()).union(current) : current
    var found: [(VariantName, VariantHistory)] = []
    for variant in names.sorted() {
      let history = try index.history(of: variant)
      guard !history.versions.isEmpty, history.renamedTo == nil || current.contains(variant)
      else { continue }
      found.append((variant, history))
    }
    return found
  }

  /// The versions a search reads: each current variant's latest, or with `allVersions` every version of every variant there has been, newest first within each variant.
  func searchedVersions(allVersions: Bool) throws(StoreError) -> [(
    variant: VariantName, version: IndexedVersion
  )] {
    var versions: [(VariantName, IndexedVersion)] = []
    for (variant, history) in try searchedVariants(includingRetired: allVersions) {
      for indexed in allVersions ? history.versions : Array(history.versions.prefix(1)) {
        versions.append((variant, indexed))
      }
    }
    return versions
  }

  /// A version's text, cut into tokens.
  func proseText(of version: Version) throws(StoreError) -> ProseText {
    ProseText(bytes: try mainLine.bytes(ofBlob: version.blobID))
  }
}

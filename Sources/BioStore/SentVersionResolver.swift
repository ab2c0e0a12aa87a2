import Git

/// Finds the version an engagement pinned: in the history index when the pin is a version's own commit (as `biostore tag` writes it), else by one walk of the main line.
struct SentVersionResolver {
  private var indexed: [VariantName: [ObjectID: Version]] = [:]
  private var history: MainLineHistory?

  /// The version of `variant` that `commit` made, when the index has one: the commit changed the variant's text.
  mutating func indexedVersion(of variant: VariantName, at commit: ObjectID, store: Store)
    throws(StoreError) -> Version?
  {
    if indexed[variant] == nil {
      var versions: [ObjectID: Version] = [:]
      for entry in try store.indexedHistory(of: variant).versions {
        versions[entry.version.id] = entry.version
      }
      indexed[variant] = versions
    }
    return indexed[variant]?[commit]
  }

  /// The version of `variant` whose text `commit` holds as `blob`.
  mutating func version(
    of variant: VariantName, in commit: Commit, blob: ObjectID, store: Store
  ) throws(StoreError) -> Version {
    if let version = try indexedVersion(of: variant, at: commit.id, store: store),
      version.blobID == blob
    {
      return version
    }
    if history == nil { history = try store.mainLineHistory() }
    return history?.version(of: variant, in: commit, blob: blob)
      ?? Version(variant: variant, commit: commit, blobID: blob, lineIndex: nil)
  }
}

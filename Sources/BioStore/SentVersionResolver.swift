import Git

/// Finds the version an engagement pinned: in the history index when the pin is a version's own commit (as `biostore tag` writes it), else by one walk of the main line.
struct SentVersionResolver {
  private var indexed: [VariantName: [ObjectID: IndexedVersion]] = [:]
  private var history: MainLineHistory?

  /// The version of `variant` that `commit` made, with its counts, when the index has one: the commit changed the variant's text.
  mutating func indexedVersion(of variant: VariantName, at commit: ObjectID, store: Store)
    throws(StoreError) -> IndexedVersion?
  {
    if indexed[variant] == nil {
      var versions: [ObjectID: IndexedVersion] = [:]
      for entry in try store.indexedHistory(of: variant).versions {
        versions[entry.version.id] = entry
      }
      indexed[variant] = versions
    }
    return indexed[variant]?[commit]
  }

  /// The version of `variant` whose text `commit` holds as `blob`.
  mutating func version(
    of variant: VariantName, in commit: Commit, blob: ObjectID, store: Store
  ) throws(StoreError) -> Version {
    if let indexed = try indexedVersion(of: variant, at: commit.id, store: store),
      indexed.version.blobID == blob
    {
      return indexed.version
    }
    if history == nil { history = try store.mainLineHistory() }
    return history?.version(of: variant, in: commit, blob: blob)
      ?? Version(variant: variant, commit: commit, blobID: blob, lineIndex: nil)
  }
}

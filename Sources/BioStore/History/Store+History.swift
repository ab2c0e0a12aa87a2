import Foundation
import Git

extension Store {
  /// The versions of `variant`, newest first in commit order, within the dates given and at most `limit` of them, each with the engagements that were sent it.
  public func history(
    of variant: VariantName, since: DateInput? = nil, until: DateInput? = nil, limit: Int? = nil
  ) throws(StoreError) -> [HistoryEntry] {
    try history(
      of: variant, in: index.history(of: variant), since: since, until: until, limit: limit)
  }

  private func history(
    of variant: VariantName, in variantHistory: VariantHistory, since: DateInput? = nil,
    until: DateInput? = nil, limit: Int? = nil
  ) throws(StoreError) -> [HistoryEntry] {
    let versions = variantHistory.versions
    guard !versions.isEmpty else {
      throw .unknownVariant(variant.rawValue, known: try currentVariants().map(\.rawValue))
    }
    let sentTo = try engagementReader.names(
      sentVersionsOf: variant, versions: versions.map(\.version))
    var entries: [HistoryEntry] = []
    for indexed in versions {
      if let limit, entries.count >= limit { break }
      let version = indexed.version
      if let since, !since.admitsOnOrAfter(version.date) { continue }
      if let until, !until.admitsOnOrBefore(version.date) { continue }
      entries.append(
        HistoryEntry(
          version: version, words: indexed.words, added: indexed.added, removed: indexed.removed,
          engagements: sentTo[version.id] ?? []))
    }
    return entries
  }

  /// The cached `history VARIANT` text of the store at `path` if the store's own files show that it is current; nil sends the caller to `historyListing(of:)` on an opened store.
  ///
  /// It reads `HEAD`, the branch and the engagement tags with `ReferenceFiles`, which gives up on
  /// anything unusual, and never starts libgit2: a read the cache answers needs none of it.
  public static func cachedHistoryListing(atPath path: String, of variant: VariantName) -> String? {
    guard let files = ReferenceFiles(workTree: path), let branch = files.headBranch(),
      let tip = files.target(of: branch), let tags = files.targets(under: EngagementReader.prefix),
      ownFolderProblem(in: files.gitDirectory) == nil
    else { return nil }
    return HistoryListingCache(directory: files.gitDirectory + HistoryIndex.folder)
      .listing(of: variant, key: HistoryListingCache.key(tip: tip, tags: tags))
  }

  /// The whole of `history VARIANT` as text, kept beside the index for the tip and the engagement tags it was made for, so a large history is printed without being rebuilt.
  public func historyListing(of variant: VariantName) throws(StoreError) -> String {
    guard let view = try index.current() else {
      return HistoryListing.text(try history(of: variant))
    }
    // The engagement tags as they stand: names and targets, without reading a tag.
    // Full reference names, as `cachedHistoryListing` reads them from the files.
    let tags = try storage { () throws(GitError) in
      try repository.referenceTargets(under: EngagementReader.prefix)
    }
    let cache = HistoryListingCache(directory: index.files.directory)
    let key = HistoryListingCache.key(tip: view.state.tip, tags: tags)
    if let listing = cache.listing(of: variant, key: key) { return listing }
    let variantHistory = try index.history(of: variant)
    var events: [HistoryListing.Event] = []
    for item in variantHistory.items {
      switch item {
      case .version: continue
      case .removed(let removed, let event, let position):
        events.append(
          .init(
            position: position, line: "\(event.date.rfc3339)  \(event.id.short)  \(removed) removed"
          ))
      case .renamed(let old, let new, let event, let position):
        events.append(
          .init(
            position: position,
            line: "\(event.date.rfc3339)  \(event.id.short)  renamed \(old) to \(new)"))
      }
    }
    let listing = HistoryListing.text(
      try history(of: variant, in: variantHistory), events: events)
    cache.keep(listing, of: variant, key: key)
    return listing
  }
}

extension Store {
  /// The bytes of `variant`'s latest version, as `show VARIANT` prints them, kept beside the index for the tip so the next plain `show` reads one file.
  public func latestText(of variant: VariantName) throws(StoreError) -> [UInt8] {
    let version = try self.version(try Spec(parsing: variant.rawValue))
    let bytes = try bytes(of: version)
    if let view = try index.current() {
      LatestTextCache(directory: index.files.directory).keep(
        bytes, of: variant, tip: view.state.tip)
    }
    return bytes
  }

  /// The kept latest text of `variant` in the store at `path` if the store's own files show it is current; nil sends the caller to `latestText(of:)` on an opened store.
  ///
  /// Like `cachedHistoryListing`, it reads `HEAD` and the branch with `ReferenceFiles`, which
  /// gives up on anything unusual, and never starts libgit2.
  public static func cachedLatestText(atPath path: String, of variant: VariantName) -> [UInt8]? {
    guard let files = ReferenceFiles(workTree: path), let branch = files.headBranch(),
      let tip = files.target(of: branch), ownFolderProblem(in: files.gitDirectory) == nil
    else { return nil }
    return LatestTextCache(directory: files.gitDirectory + HistoryIndex.folder)
      .text(of: variant, tip: tip)
  }
}

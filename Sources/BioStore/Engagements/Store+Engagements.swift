import Git

extension Store {
  /// The engagements sent a version of `variant` (any, when nil) and dated within `since`…`until`.
  public func engagements(
    sentVersionOf variant: VariantName?, since: DateInput?, until: DateInput?
  ) throws(StoreError) -> EngagementListing {
    let listing = try engagements()
    // A version reached through a rename counts as one of `variant`: tags made before
    // `mv OLD variant` name it OLD.
    let versions = try variant.map { (variant) throws(StoreError) in
      let versions = try index.history(of: variant).versions
      guard !versions.isEmpty else {
        throw .unknownVariant(variant.rawValue, known: try currentVariants().map(\.rawValue))
      }
      return Set(versions.map { "\($0.version.variant) \($0.version.id)" })
    }
    // An engagement date is a whole day; noon UTC stands for it against an instant bound.
    func instant(_ day: CivilDate) -> Timestamp {
      Timestamp(seconds: day.daysSinceEpoch * 86_400 + 43_200, offsetMinutes: 0)
    }
    return EngagementListing(
      engagements: listing.engagements.filter { engagement in
        (variant.map { variant in
          engagement.sent.contains {
            $0.variant == variant
              || versions?.contains("\($0.version.variant) \($0.version.id)") == true
          }
        } ?? true)
          && (since.map { $0.admitsOnOrAfter(instant(engagement.date)) } ?? true)
          && (until.map { $0.admitsOnOrBefore(instant(engagement.date)) } ?? true)
      }, warnings: listing.warnings)
  }

  /// Every engagement tag under `refs/tags/engagements/`, read and resolved to the versions sent (their texts left out).
  public func engagements() throws(StoreError) -> EngagementListing {
    try engagementReader.engagements(readingTexts: false)
  }

  /// The engagement named `name`, or nil when there is no such tag.
  public func engagement(named name: EngagementName) throws(StoreError) -> Engagement? {
    try engagementReader.tag(named: name).map { (tag) throws(StoreError) in
      try engagementReader.engagement(tag, readingTexts: false)
    }
  }

  /// The valid engagement names, sorted.
  public func engagementNames() throws(StoreError) -> [EngagementName] {
    try engagementReader.names()
  }

  /// The engagements whose name, title, venue or note hold every word of `query`, ignoring case, with the texts they were sent.
  public func recall(_ query: String) throws(StoreError) -> EngagementListing {
    // Matched on the tag messages first: only the hits are resolved and their texts read.
    let listing = try engagementReader.engagements(readingTexts: true) { name, message in
      Engagement.matches(
        query, fields: [name.rawValue, message.title, message.venue ?? "", message.note],
        date: message.date)
    }
    let hits = listing.engagements
    guard !hits.isEmpty else {
      throw .noEngagementMatches(
        query,
        closest: ClosestNames.to(query, among: try engagementReader.names().map(\.rawValue)))
    }
    let hitNames = Set(hits.map { "engagement \($0.name):" })
    return EngagementListing(
      engagements: hits,
      warnings: listing.warnings.filter { warning in hitNames.contains { warning.hasPrefix($0) } })
  }
}

extension CivilDate {
  /// 1970-01-01, for an engagement whose tag gives no date at all.
  static let epoch = CivilDate(year: 1970, month: 1, day: 1)
}

extension Store {
  /// The text of a plain `engagements` (every engagement's lines, oldest first) and the warnings to print with it, kept beside the index for the engagement tags it was made for.
  ///
  /// A listing with warnings, or with nothing in it, is not kept: those are worded by the command.
  public func engagementsListing() throws(StoreError) -> (
    text: String, warnings: [String], count: Int
  ) {
    let tags = try storage { () throws(GitError) in
      try repository.referenceTargets(under: EngagementReader.prefix)
    }
    let cache = HistoryListingCache(directory: index.files.directory)
    let key = HistoryListingCache.engagementsKey(tags: tags)
    if let text = cache.listing(named: HistoryListingCache.engagementsName, key: key) {
      return (text, [], tags.count)
    }
    let listing = try engagements()
    let text = listing.engagements.map { $0.lines().joined(separator: "\n") + "\n" }.joined()
    if listing.warnings.isEmpty && !listing.engagements.isEmpty {
      cache.keep(text, named: HistoryListingCache.engagementsName, key: key)
    }
    return (text, listing.warnings, listing.engagements.count)
  }

  /// The kept text of a plain `engagements` of the store at `path` if the store's own files show it is current; nil sends the caller to `engagementsListing()` on an opened store.
  public static func cachedEngagementsListing(atPath path: String) -> String? {
    guard let files = ReferenceFiles(workTree: path), files.headBranch() != nil,
      let tags = files.targets(under: EngagementReader.prefix),
      ownFolderProblem(in: files.gitDirectory) == nil
    else { return nil }
    return HistoryListingCache(directory: files.gitDirectory + HistoryIndex.folder)
      .listing(
        named: HistoryListingCache.engagementsName,
        key: HistoryListingCache.engagementsKey(tags: tags))
  }
}

import Git

extension Store {
  /// For each variant that ever said `phrase` (or only `variant`), the version where it first appeared and each where it disappeared or came back, oldest first; with `sent`, the engagements sent a version that says it. Refused with `noPhraseFound` when no version says it.
  ///
  /// Whether a version says the phrase is decided on its tokens, so a version that only
  /// re-wraps or re-indents never appears here (where `git log -S` would name it). Removing the
  /// variant while it says the phrase is a change too, and a save after that which says it again
  /// is a return. `variant` may be any name `history` takes: a removed variant, or an old name,
  /// which is traced as the variant it was renamed to (whose history holds the old name's).
  public func trace(_ phrase: Phrase, variant only: VariantName? = nil, sent: Bool = false)
    throws(StoreError) -> [PhraseTrace]
  {
    var variants: [(variant: VariantName, history: VariantHistory)]
    if var only {
      var history = try index.history(of: only)
      guard !history.versions.isEmpty else {
        throw .unknownVariant(only.rawValue, known: try currentVariants().map(\.rawValue))
      }
      // Followed to its name now; a name seen twice (renamed away and back) ends the chain.
      var seen: Set<VariantName> = [only]
      while let renamed = history.renamedTo?.variant, seen.insert(renamed).inserted {
        only = renamed
        history = try index.history(of: renamed)
      }
      variants = [(only, history)]
    } else {
      variants = try searchedVariants(includingRetired: true)
    }
    // Each text is tokenized once ever (the token cache) and tested where its numbers lie.
    let cache = TokenCache(gitDirectory: repository.gitDirectory)
    defer { cache.save() }
    var cached = CachedPhrase(phrase, in: cache)
    func says(_ version: Version) throws(StoreError) -> Bool {
      let blob = version.blobID
      let found = try cache.withTokens(of: blob) { () throws(StoreError) in
        try mainLine.bytes(ofBlob: blob)
      } _: { tokens in
        // A text new to the cache may have brought the phrase's words.
        if cache.vocabulary.count != cached.vocabularySize {
          cached = CachedPhrase(phrase, in: cache)
        }
        return cached.occurs(in: tokens)
      }
      // The cache folds case: a case-sensitive phrase it finds is checked against the text.
      guard found, phrase.caseSensitive else { return found }
      return phrase.occurs(in: try proseText(of: version))
    }
    var traces: [PhraseTrace] = []
    // Which variant, as named now, each version (commit and its own name) belongs to, for `sent`.
    var variantOf: [VersionKey: VariantName] = [:]
    for (variant, history) in variants {
      var trace = PhraseTrace(variant: variant)
      var said = false
      for item in history.items.reversed() {
        let version: Version
        switch item {
        case .version(let indexed): version = indexed.version
        case .removed(let name, let removal, _):
          if said {
            trace.events.append(.init(removalOf: name, id: removal.id, date: removal.date))
          }
          said = false
          continue
        case .renamed: continue
        }
        if sent { variantOf[VersionKey(version)] = variant }
        let says = try says(version)
        if says && !said {
          trace.events.append(
            .init(change: trace.events.isEmpty ? .appeared : .returned, version: version))
        } else if !says && said {
          trace.events.append(.init(change: .disappeared, version: version))
        }
        said = says
      }
      trace.isRemoved = history.removal != nil
      trace.renamedTo = history.renamedTo?.variant
      trace.saysItNow = said && trace.renamedTo == nil
      if !trace.events.isEmpty { traces.append(trace) }
    }
    guard !traces.isEmpty else {
      throw .noPhraseFound([phrase.text], allVersions: true, variant: only?.rawValue)
    }
    if sent {
      for engagement in try engagements().engagements {
        for version in engagement.sent.map(\.version) {
          guard let variant = variantOf[VersionKey(version)],
            let index = traces.firstIndex(where: { $0.variant == variant }), try says(version)
          else { continue }
          traces[index].sent.append(
            .init(engagement: engagement.name, date: engagement.date, version: version))
        }
      }
    }
    return traces
  }
}

/// A version by its commit and its own variant name, since one commit can hold versions of several variants.
private struct VersionKey: Hashable {
  let id: ObjectID
  let variant: VariantName

  init(_ version: Version) {
    id = version.id
    variant = version.variant
  }
}

extension Store {
  /// Every place one of `phrases` occurs in each current variant's latest text (with `allVersions`, in every version there has been), variants alphabetically, versions newest first; refused with `noPhraseFound` when there is none.
  public func grep(_ phrases: [Phrase], allVersions: Bool = false, context: Int = 6)
    throws(StoreError) -> [PhraseHit]
  {
    var hits: [PhraseHit] = []
    for (variant, indexed) in try searchedVersions(allVersions: allVersions) {
      let text = try proseText(of: indexed.version)
      for phrase in phrases {
        for range in phrase.occurrences(in: text) {
          let excerpt = text.excerpt(around: range, context: context)
          hits.append(
            PhraseHit(
              phrase: phrase.text, variant: variant, version: indexed.version,
              before: excerpt.before, match: excerpt.match, after: excerpt.after))
        }
      }
    }
    guard !hits.isEmpty else {
      throw .noPhraseFound(phrases.map(\.text), allVersions: allVersions)
    }
    return hits
  }
}

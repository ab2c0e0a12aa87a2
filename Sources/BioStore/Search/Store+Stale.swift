import Git

extension Store {
  /// The store's own list of retired phrases, kept in its git config as `biostore.retired` (one value each).
  public static let retiredPhrasesKey = "biostore.retired"

  /// Where `phrases` (or, when none are given, the store's list of retired phrases) are still said: each current variant's latest text, and each engagement dated `today` or later by what it was sent.
  public func stale(_ phrases: [Phrase], caseSensitive: Bool = false, today: CivilDate)
    throws(StoreError) -> StaleReport
  {
    let phrases = phrases.isEmpty ? try retiredPhrases(caseSensitive: caseSensitive) : phrases
    guard !phrases.isEmpty else { throw .noRetiredPhrases }
    var report = StaleReport(phrases: phrases.map(\.text))
    do {
      report.variants = try grep(phrases, allVersions: false)
    } catch .noPhraseFound {}
    for engagement in try engagements().engagements where engagement.date >= today {
      for sent in engagement.sent {
        let text = try proseText(of: sent.version)
        for phrase in phrases where phrase.occurs(in: text) {
          report.engagements.append(
            .init(
              engagement: engagement.name.rawValue, date: engagement.date,
              variant: sent.variant.rawValue, phrase: phrase.text, id: sent.version.id.hex))
        }
      }
    }
    return report
  }

  /// The phrases kept in the store's config as retired, in the order they were added.
  public func retiredPhrases(caseSensitive: Bool = false) throws(StoreError) -> [Phrase] {
    var phrases: [Phrase] = []
    for text in try storage({ () throws(GitError) in
      try repository.localConfigValues(Store.retiredPhrasesKey)
    }) {
      // One the config cannot hold as a phrase (edited by hand to nothing) is passed over.
      if let phrase = try? Phrase(text, caseSensitive: caseSensitive) { phrases.append(phrase) }
    }
    return phrases
  }

  /// Adds each of `phrases` the store does not keep yet to its list of retired phrases; returns those added, and each one not added with the kept phrase it searches like.
  ///
  /// Two phrases that search alike (`Product Manager`, `product  manager`; with `--case`, only
  /// those of the same case) are one: the first is kept, on one line with single spaces, since
  /// the config holds one line per phrase.
  public func retire(_ phrases: [Phrase]) throws(StoreError) -> (
    added: [Phrase], alreadyKept: [(phrase: Phrase, keptAs: String)]
  ) {
    var kept: [[[UInt8]]: String] = [:]
    // The kept phrases are compared as the new ones will search: with their case, or without.
    for old in try retiredPhrases(caseSensitive: phrases.first?.caseSensitive ?? false) {
      kept[old.searchKey] = kept[old.searchKey] ?? old.text
    }
    var added: [Phrase] = []
    var alreadyKept: [(Phrase, String)] = []
    for phrase in phrases {
      if let keptAs = kept[phrase.searchKey] {
        alreadyKept.append((phrase, keptAs))
        continue
      }
      let line = phrase.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      try storage { () throws(GitError) in
        try repository.addLocalConfigValue(Store.retiredPhrasesKey, line)
      }
      kept[phrase.searchKey] = line
      added.append(try Phrase(line, caseSensitive: phrase.caseSensitive))
    }
    return (added, alreadyKept)
  }
}

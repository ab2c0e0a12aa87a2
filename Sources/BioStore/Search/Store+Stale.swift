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

  /// Adds each of `phrases` the store does not keep yet to its list of retired phrases; returns those added.
  ///
  /// Two phrases that search alike (`Product Manager`, `product  manager`) are one: the first is
  /// kept, on one line with single spaces, since the config holds one line per phrase.
  public func retire(_ phrases: [Phrase]) throws(StoreError) -> [Phrase] {
    var kept = Set(try retiredPhrases().map(\.foldedUnits))
    var added: [Phrase] = []
    for phrase in phrases where kept.insert(phrase.foldedUnits).inserted {
      let line = phrase.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      try storage { () throws(GitError) in
        try repository.addLocalConfigValue(Store.retiredPhrasesKey, line)
      }
      added.append(try Phrase(line, caseSensitive: phrase.caseSensitive))
    }
    return added
  }
}

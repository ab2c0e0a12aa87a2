import ProseDiff

/// A phrase as word numbers of a `TokenCache`, to test a cached text without reading it.
///
/// The cache folds case, so for a case-insensitive phrase the answer is final; a case-sensitive
/// phrase found here is only a candidate, which the caller checks against the text itself.
struct CachedPhrase {
  /// The numbers of every token but the last, in order; nil when some word is in no cached text.
  private let leading: [UInt32]?
  /// The numbers the last token may have: itself, or itself with a possessive ending.
  private let last: Set<UInt32>

  /// How many words the cache's vocabulary had when this was made: a text added since may bring the phrase's words, so the caller makes it again.
  let vocabularySize: Int

  /// `phrase` in `cache`'s numbering as it stands.
  init(_ phrase: Phrase, in cache: TokenCache) {
    vocabularySize = cache.vocabulary.count
    var words = phrase.foldedUnits
    let final = words.removeLast()
    let leading = words.map { cache.number(of: $0) }
    self.leading = leading.contains(nil) ? nil : leading.compactMap { $0 }
    last = Set(
      ([final] + SearchUnit.possessives.map { final + $0 }).compactMap { cache.number(of: $0) })
  }

  /// Whether the text numbered `tokens` holds the phrase, folding case.
  func occurs(in tokens: TokenNumbers) -> Bool {
    guard let leading, !last.isEmpty, tokens.count > leading.count else { return false }
    let width = leading.count
    for start in 0..<(tokens.count - width) where last.contains(tokens[start + width]) {
      var index = 0
      while index < width && tokens[start + index] == leading[index] { index += 1 }
      if index == width { return true }
    }
    return false
  }
}

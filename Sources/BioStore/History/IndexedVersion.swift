/// A version read from the history index, with the counts `history` shows.
struct IndexedVersion {
  /// The version.
  let version: Version
  /// Words in its text.
  let words: Int
  /// Words added since the version before.
  let added: Int
  /// Words removed since the version before.
  let removed: Int
}

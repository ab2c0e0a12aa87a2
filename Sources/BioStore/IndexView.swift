/// The index as this process reads it: its state, and the entries it could not write (or wait to write) kept in memory.
struct IndexView {
  /// What the index is valid for.
  let state: HistoryIndex.State
  /// Where its files are.
  let index: HistoryIndex
  /// Entries kept in memory by variant: all of them after a rebuild, the changed ones after a catch-up.
  let inMemory: [VariantName: [HistoryIndex.Entry]]?
  /// The recorded state whose seals vouch for the files (the catch-up's base when nothing could be written), or nil when the files hold nothing valid.
  let files: HistoryIndex.State?

  /// The entries of `variant`, oldest first; nil when its file is damaged.
  func entries(of variant: VariantName) -> [HistoryIndex.Entry]? {
    if let kept = inMemory?[variant] { return kept }
    guard let files else { return [] }
    return index.entries(of: variant, in: files)
  }
}

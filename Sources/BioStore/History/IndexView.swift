/// The index as this process reads it: its state, and the entries it could not write (or wait to write) kept in memory.
struct IndexView {
  /// What the index is valid for.
  let state: IndexFiles.State
  /// Where its files are.
  let files: IndexFiles
  /// Entries kept in memory by variant: all of them after a rebuild, the changed ones after a catch-up.
  let inMemory: [VariantName: [IndexEntry]]?
  /// The recorded state whose seals vouch for the files (the catch-up's base when nothing could be written), or nil when the files hold nothing valid.
  let sealed: IndexFiles.State?

  /// The entries of `variant`'s own file, oldest first; nil when its file is damaged.
  func entries(of variant: VariantName) -> [IndexEntry]? {
    if let kept = inMemory?[variant] { return kept }
    guard let sealed else { return [] }
    return files.entries(of: variant, in: sealed)
  }

  /// The position on the main line (0 is the tip) of the commit an entry records.
  func position(of entry: IndexEntry) -> Int {
    state.depth - entry.depth
  }
}

import Git

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

extension Store {
  /// The history index in `.git/biostore/index`.
  var historyIndex: HistoryIndex { HistoryIndex(directory: privateDirectory + "/index") }

  /// The index brought up to the branch tip: only the commits since its tip are walked, and a rewritten history rebuilds it; nil before the first commit.
  ///
  /// The index is a cache: when it cannot be written (a read-only store), it is built in memory for
  /// this process, and the answer is the same, only slower.
  func currentIndex() throws(StoreError) -> IndexView? {
    guard let tip = try tip() else { return nil }
    if let view = indexView, view.state.tip == tip { return view }
    let index = historyIndex
    let recorded = index.state()
    if let recorded, recorded.branch == branch, recorded.tip == tip {
      indexView = IndexView(state: recorded, index: index, inMemory: nil)
      return indexView
    }
    var steps: [MainLineStep] = []
    var reachedRecordedTip = false
    try walkMainLine { step in
      if let recorded, recorded.branch == branch, step.commit.id == recorded.tip {
        reachedRecordedTip = true
        return false
      }
      steps.append(step)
      return true
    }
    let base = reachedRecordedTip ? recorded : nil
    var view = try buildIndex(tip: tip, base: base, steps: steps)
    if view.inMemory != nil, base != nil {
      // The catch-up could not be kept; start from the root, in memory.
      view = try buildIndex(tip: tip, base: nil, steps: try allSteps())
    }
    indexView = view
    return view
  }

  /// Every step of the main line, newest first.
  private func allSteps() throws(StoreError) -> [MainLineStep] {
    var steps: [MainLineStep] = []
    try walkMainLine { step in
      steps.append(step)
      return true
    }
    return steps
  }

  /// Adds `steps` (newest first) to the index at `base` (nil: from nothing), and writes what changed.
  private func buildIndex(tip: ObjectID, base: HistoryIndex.State?, steps: [MainLineStep])
    throws(StoreError) -> IndexView
  {
    let index = historyIndex
    if base == nil { index.clear() }
    var byVariant: [VariantName: [HistoryIndex.Entry]] = [:]
    var texts: [ObjectID: ProseText] = [:]
    func text(_ blob: ObjectID) throws(StoreError) -> ProseText {
      if let text = texts[blob] { return text }
      let text = ProseText(bytes: try bytes(ofBlob: blob))
      texts[blob] = text
      return text
    }
    let baseDepth = base?.depth ?? -1
    for (offset, step) in steps.reversed().enumerated() {
      for change in step.changes {
        if byVariant[change.variant] == nil {
          if let base {
            // A damaged file cannot be added to: build everything again.
            guard let entries = index.entries(of: change.variant, upTo: base.depth) else {
              return try buildIndex(tip: tip, base: nil, steps: try allSteps())
            }
            byVariant[change.variant] = entries
          } else {
            byVariant[change.variant] = []
          }
        }
        let previous = byVariant[change.variant]?.last { !$0.isRemoval }
        var entry = HistoryIndex.Entry(
          isRemoval: change.newBlob == nil, commit: step.commit.id,
          date: Timestamp(step.commit.author), blob: change.newBlob, words: 0, added: 0,
          removed: 0, depth: baseDepth + 1 + offset,
          message: Version.userMessage(step.commit.message))
        if let blob = change.newBlob {
          let new = try text(blob)
          let diff = ProseDiff(old: try previous?.blob.map(text) ?? ProseText(""), new: new)
          (entry.words, entry.added, entry.removed) = (new.wordCount, diff.added, diff.removed)
        }
        byVariant[change.variant, default: []].append(entry)
      }
    }
    let state = HistoryIndex.State(branch: branch, tip: tip, depth: baseDepth + steps.count)
    do {
      for (variant, entries) in byVariant { try index.write(entries, of: variant) }
      try index.write(state)
      return IndexView(state: state, index: index, inMemory: nil)
    } catch {
      index.removeState()
      return IndexView(state: state, index: index, inMemory: byVariant)
    }
  }

  /// Appends the versions a biostore write just committed to the index, when the index was current for `parent`; otherwise the next read catches up.
  ///
  /// Lines go at the end of each variant's file and the new state last, so a crash in between
  /// leaves lines deeper than the state, which readers ignore. A failure only costs speed.
  func appendToIndex(
    _ versions: [PendingVersion], commits: [ObjectID], parent: Commit?,
    startFiles: [VariantName: ObjectID]
  ) {
    let index = historyIndex
    guard let state = index.state(), state.branch == branch, state.tip == parent?.id,
      let tip = commits.last
    else { return }
    var latest = startFiles
    var lines: [VariantName: [HistoryIndex.Entry]] = [:]
    for (offset, (version, commit)) in zip(versions, commits).enumerated() {
      var entry = HistoryIndex.Entry(
        isRemoval: version.bytes == nil, commit: commit, date: version.asOf, blob: nil,
        words: 0, added: 0, removed: 0, depth: state.depth + 1 + offset,
        message: Version.userMessage(version.message))
      if let bytes = version.bytes {
        let new = ProseText(bytes: bytes)
        let previous = latest[version.variant].flatMap { try? self.bytes(ofBlob: $0) } ?? []
        let diff = ProseDiff(old: ProseText(bytes: previous), new: new)
        entry.blob = try? blobID(of: bytes)
        (entry.words, entry.added, entry.removed) = (new.wordCount, diff.added, diff.removed)
      }
      guard !entry.isRemoval || version.bytes == nil, entry.isRemoval || entry.blob != nil else {
        return
      }
      latest[version.variant] = entry.blob
      lines[version.variant, default: []].append(entry)
    }
    do {
      for (variant, entries) in lines { try index.append(entries, to: variant) }
      try index.write(
        HistoryIndex.State(branch: branch, tip: tip, depth: state.depth + commits.count))
    } catch {
      index.removeState()
    }
  }

  /// The versions of `variant` on the main line, newest first, with their counts, and its removal if the tip has no file for it.
  func indexedHistory(of variant: VariantName) throws(StoreError) -> (
    versions: [IndexedVersion], removal: Removal?
  ) {
    guard let view = try currentIndex() else { return ([], nil) }
    guard let entries = view.entries(of: variant) else {
      // A damaged file: forget the index and build it again.
      historyIndex.clear()
      indexView = nil
      return try indexedHistory(of: variant)
    }
    let versions = entries.reversed().filter { !$0.isRemoval }.map { entry in
      IndexedVersion(
        version: Version(
          variant: variant, id: entry.commit, blobID: entry.blob ?? entry.commit,
          date: entry.date, message: entry.message, lineIndex: view.state.depth - entry.depth),
        words: entry.words, added: entry.added, removed: entry.removed)
    }
    let removal = entries.last.flatMap {
      $0.isRemoval ? Removal(id: $0.commit, date: $0.date) : nil
    }
    return (versions, removal)
  }

  /// The variants the index knows, with or without a file in the tip.
  func indexedVariants() throws(StoreError) -> [VariantName] {
    guard let view = try currentIndex() else { return [] }
    return view.inMemory.map { $0.keys.sorted() } ?? view.index.variants()
  }
}

/// The index as this process reads it: its state, and the entries kept in memory when they could not be written.
struct IndexView {
  /// What the index is valid for.
  let state: HistoryIndex.State
  /// Where its files are.
  let index: HistoryIndex
  /// Every variant's entries, when the index could not be written.
  let inMemory: [VariantName: [HistoryIndex.Entry]]?

  /// The entries of `variant`, oldest first; nil when its file is damaged.
  func entries(of variant: VariantName) -> [HistoryIndex.Entry]? {
    if let inMemory { return inMemory[variant] ?? [] }
    return index.entries(of: variant, upTo: state.depth)
  }
}

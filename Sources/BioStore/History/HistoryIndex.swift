import Git
import ProseDiff

/// The history index: what the main line says about each variant, brought up to the branch tip when asked, and every answer about versions read from it.
///
/// Its files (`IndexFiles`) are a cache, never the truth: a missing or damaged one is built again
/// from the main line, and one that cannot be written (a read-only store, another process holding
/// `index.lock`) is kept in memory for this process, so the answer is the same, only slower. Only
/// the commits since the recorded tip are walked; a rewritten branch builds it again. A write
/// needs no step of its own: the next look-up, or the catch-up the writer asks for, adds its
/// commits. The look-ups are in `HistoryIndex+Lookups.swift`.
final class HistoryIndex {
  /// The main line the index describes.
  let mainLine: MainLine
  /// Its files.
  let files: IndexFiles
  /// Where `index.lock` is taken.
  private let lockDirectory: String
  /// The index as this process last brought it up to date.
  private var view: IndexView?
  /// Histories already assembled from `view`, by variant.
  var assembled: [VariantName: VariantHistory] = [:]
  /// Each variant's own entries from `view` with the position of each commit among them, by variant.
  var ownFiles: [VariantName: (entries: [IndexEntry], byCommit: [ObjectID: Int])] = [:]

  /// The index's folder under the `.git` folder.
  static let folder = "biostore/index"

  /// The index of `mainLine`, whose files are under `gitDirectory` (ending in `/`).
  init(mainLine: MainLine, gitDirectory: String) {
    self.mainLine = mainLine
    files = IndexFiles(directory: gitDirectory + HistoryIndex.folder)
    lockDirectory = gitDirectory + "biostore"
  }

  /// The index brought up to the branch tip; nil before the first commit.
  func current() throws(StoreError) -> IndexView? {
    guard let tip = try mainLine.tip() else { return nil }
    if let view, view.state.tip == tip { return view }
    let recorded = files.state()
    let usable = recorded.flatMap { $0.branch == mainLine.branch ? $0 : nil }
    if let usable, usable.tip == tip {
      return keep(IndexView(state: usable, files: files, inMemory: nil, sealed: usable))
    }
    var steps: [MainLineStep] = []
    var reachedRecordedTip = false
    try mainLine.walk { step in
      if step.commit.id == usable?.tip {
        reachedRecordedTip = true
        return false
      }
      steps.append(step)
      return true
    }
    return keep(try build(tip: tip, base: reachedRecordedTip ? usable : nil, steps: steps))
  }

  /// The index built again from the whole main line, after a file it needed proved damaged.
  func rebuilt() throws(StoreError) -> IndexView? {
    guard let tip = try mainLine.tip() else { return nil }
    return keep(try build(tip: tip, base: nil, steps: try allSteps()))
  }

  /// Cuts the recorded index back to `base`, the newest commit the branch's old line (tip `oldTip`) and its new one share, after a rewrite or an undo, so the next look-up adds only the commits above it instead of building everything again.
  ///
  /// Does nothing when the recorded index is not `oldTip`'s or its lock is taken: the next look-up
  /// then builds it again, which costs time, never a wrong answer.
  func rewind(to base: ObjectID, from oldTip: ObjectID) {
    view = nil
    assembled = [:]
    ownFiles = [:]
    guard let lock = lock() else { return }
    defer { withExtendedLifetime(lock) {} }
    guard let state = files.state(), state.branch == mainLine.branch, state.tip == oldTip else {
      return
    }
    // The base's depth: the old tip's, less the first-parent steps down to it.
    var steps = 0
    var current = oldTip
    while current != base {
      guard let parent = (try? mainLine.commitIfPresent(current))??.parentIDs.first else {
        return files.removeState()
      }
      current = parent
      steps += 1
    }
    var rewound = IndexFiles.State(
      branch: state.branch, tip: base, depth: state.depth - steps, files: [:])
    // Without a state while files change, a reader builds its own answer rather than trust them.
    files.removeState()
    do {
      for (variant, seal) in state.files {
        guard let entries = files.entries(of: variant, in: state) else { return }
        let kept = entries.filter { $0.depth <= rewound.depth }
        if kept.count == entries.count {
          rewound.files[variant] = seal
        } else if !kept.isEmpty {
          rewound.files[variant] = try files.write(kept, of: variant)
        }
      }
      try files.write(rewound)
    } catch {
      files.removeState()
    }
  }

  /// Makes `view` the current one; what was assembled from the one before is forgotten.
  private func keep(_ view: IndexView) -> IndexView {
    assembled = [:]
    ownFiles = [:]
    self.view = view
    return view
  }

  /// The lock on the index's files if it is free now, else nil: nobody waits for a cache.
  private func lock() -> WriterLock? {
    try? WriterLock(in: lockDirectory, name: "index.lock", timeout: 0)
  }

  /// Every step of the main line, newest first.
  private func allSteps() throws(StoreError) -> [MainLineStep] {
    var steps: [MainLineStep] = []
    try mainLine.walk { step in
      steps.append(step)
      return true
    }
    return steps
  }

  /// Adds `steps` (newest first) to the index at `base` (nil: builds it from nothing), and writes what changed.
  private func build(tip: ObjectID, base: IndexFiles.State?, steps: [MainLineStep])
    throws(StoreError) -> IndexView
  {
    // Each changed variant's new entries; after a rebuild, all of them.
    var byVariant: [VariantName: [IndexEntry]] = [:]
    // The changed variants whose sealed files a catch-up adds to: each file's sealed bytes, read
    // once, and its newest entry that holds a text (the one a next version is counted against).
    // Their lines are never all parsed, so one commit at 100,000 costs a few lines, not the
    // variant's whole history.
    var appended: [VariantName: (sealed: ArraySlice<UInt8>, newestText: IndexEntry?)] = [:]
    // Only each variant's newest text is kept, since a version is counted against the one before
    // it; keeping every text made a 100,000-commit build peak near 1 GB.
    var newest: [VariantName: (blob: ObjectID, text: ProseText)] = [:]
    func text(_ blob: ObjectID, of variant: VariantName) throws(StoreError) -> ProseText {
      if let kept = newest[variant], kept.blob == blob { return kept.text }
      return ProseText(bytes: try mainLine.bytes(ofBlob: blob))
    }
    let baseDepth = base?.depth ?? -1
    for (offset, step) in steps.reversed().enumerated() {
      let renames = step.renames
      for change in step.changes {
        if byVariant[change.variant] == nil {
          byVariant[change.variant] = []
          if let base, base.files[change.variant] != nil {
            // A damaged file cannot be added to: build everything again.
            guard let sealed = files.sealedBytes(of: change.variant, in: base),
              let newestText = IndexEntry.newestText(parsing: sealed, upTo: base.depth)
            else {
              return try build(tip: tip, base: nil, steps: try allSteps())
            }
            appended[change.variant] = (sealed, newestText)
          }
        }
        var entry = IndexEntry(
          kind: change.newBlob == nil ? .removal : .version, commit: step.commit.id,
          date: Timestamp(step.commit.author), blob: change.newBlob, words: 0, added: 0,
          removed: 0, depth: baseDepth + 1 + offset,
          message: Version.userMessage(step.commit.message))
        if let old = renames.first(where: { $0.new == change.variant })?.old {
          // A rename carries the text over unchanged: not a version.
          entry.kind = .renamedFrom
          entry.otherVariant = old
          if let blob = change.newBlob {
            let carried = try text(blob, of: old)
            newest[change.variant] = (blob, carried)
            entry.words = carried.wordCount
          }
        } else if let new = renames.first(where: { $0.old == change.variant })?.new {
          entry.kind = .renamedTo
          entry.otherVariant = new
        } else if let blob = change.newBlob {
          // Counted against the last text the variant had, before a removal or through a rename.
          let previous =
            byVariant[change.variant]?.last { $0.holdsText } ?? appended[change.variant]?.newestText
          let new = ProseText(bytes: try mainLine.bytes(ofBlob: blob))
          let before = try previous?.blob.map { (blob) throws(StoreError) in
            try text(blob, of: change.variant)
          }
          let diff = ProseDiff(old: before ?? ProseText(""), new: new)
          (entry.words, entry.added, entry.removed) = (new.wordCount, diff.added, diff.removed)
          newest[change.variant] = (blob, new)
        }
        byVariant[change.variant, default: []].append(entry)
      }
    }
    var state = IndexFiles.State(
      branch: mainLine.branch, tip: tip, depth: baseDepth + steps.count,
      files: base?.files ?? [:])
    // Index files change only under `index.lock`; a reader that finds it taken keeps its answer
    // in memory, with the appended variants' whole lists (their base files, then what is new).
    func inMemory() throws(StoreError) -> IndexView {
      var whole = byVariant
      for (variant, file) in appended {
        guard let base, let old = IndexEntry.entries(parsing: file.sealed, upTo: base.depth) else {
          return try build(tip: tip, base: nil, steps: try allSteps())
        }
        whole[variant] = old + (byVariant[variant] ?? [])
      }
      return IndexView(state: state, files: files, inMemory: whole, sealed: base)
    }
    guard let lock = lock() else { return try inMemory() }
    defer { withExtendedLifetime(lock) {} }
    // The base was read before the lock: another process may have moved the index since.
    if let base, files.state() != base { return try inMemory() }
    do {
      if base == nil { files.clear() }
      // Lines go at the end of each variant's file and the new state, with the files' new seals,
      // last, so a crash in between leaves files longer than their seals, which readers read as
      // the sealed part.
      for (variant, entries) in byVariant {
        if let file = appended[variant] {
          state.files[variant] = try files.append(entries, to: variant, after: file.sealed)
        } else {
          state.files[variant] = try files.write(entries, of: variant)
        }
      }
      try files.write(state)
      // The entries a rebuild made are at hand: reading them back would only give another
      // process the chance to change them. An appended variant is read from its file when asked.
      return IndexView(
        state: state, files: files,
        inMemory: byVariant.filter { appended[$0.key] == nil }, sealed: state)
    } catch {
      files.removeState()
      // Appending kept each sealed part of the base as it was, so the base still vouches for them.
      return try inMemory()
    }
  }
}

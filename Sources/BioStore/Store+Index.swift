import Git

extension Store {
  /// The history index's folder under the `.git` folder.
  static let indexFolder = "biostore/index"

  /// The history index in `.git/biostore/index`.
  var historyIndex: HistoryIndex {
    HistoryIndex(directory: repository.gitDirectory + Store.indexFolder)
  }

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
      indexView = IndexView(state: recorded, index: index, inMemory: nil, files: recorded)
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
    let view = try buildIndex(tip: tip, base: reachedRecordedTip ? recorded : nil, steps: steps)
    indexView = view
    return view
  }

  /// The lock on the index's files if it is free now, else nil: nobody waits for a cache.
  private func indexLock() -> WriterLock? {
    try? WriterLock(in: privateDirectory, name: "index.lock", timeout: 0)
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

  /// Adds `steps` (newest first) to the index at `base` (nil: rebuilds it) (nil: from nothing), and writes what changed.
  private func buildIndex(tip: ObjectID, base: HistoryIndex.State?, steps: [MainLineStep])
    throws(StoreError) -> IndexView
  {
    let index = historyIndex
    var byVariant: [VariantName: [HistoryIndex.Entry]] = [:]
    // How many of each variant's entries came from its file, so a catch-up only adds the rest.
    var fromFile: [VariantName: Int] = [:]
    // Only each variant's newest text is kept, since a version is counted against the one before
    // it; keeping every text made a 100,000-commit build peak near 1 GB.
    var newest: [VariantName: (blob: ObjectID, text: ProseText)] = [:]
    func text(_ blob: ObjectID, of variant: VariantName) throws(StoreError) -> ProseText {
      if let kept = newest[variant], kept.blob == blob { return kept.text }
      return ProseText(bytes: try bytes(ofBlob: blob))
    }
    let baseDepth = base?.depth ?? -1
    for (offset, step) in steps.reversed().enumerated() {
      let renames = step.renames
      for change in step.changes {
        if byVariant[change.variant] == nil {
          if let base {
            // A damaged file cannot be added to: build everything again.
            guard let entries = index.entries(of: change.variant, in: base) else {
              return try buildIndex(tip: tip, base: nil, steps: try allSteps())
            }
            byVariant[change.variant] = entries
            fromFile[change.variant] = entries.count
          } else {
            byVariant[change.variant] = []
          }
        }
        var entry = HistoryIndex.Entry(
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
          let previous = byVariant[change.variant]?.last {
            $0.kind == .version || $0.kind == .renamedFrom
          }
          let new = ProseText(bytes: try bytes(ofBlob: blob))
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
    var state = HistoryIndex.State(
      branch: branch, tip: tip, depth: baseDepth + steps.count, files: base?.files ?? [:])
    // Index files change only under `index.lock`; a reader that finds it taken keeps its answer in memory.
    let inMemory = IndexView(state: state, index: index, inMemory: byVariant, files: base)
    guard let lock = indexLock() else { return inMemory }
    defer { withExtendedLifetime(lock) {} }
    // The base was read before the lock: another process may have moved the index since.
    if let base, index.state() != base { return inMemory }
    do {
      if base == nil { index.clear() }
      for (variant, entries) in byVariant {
        if let base, let kept = fromFile[variant], base.files[variant] != nil {
          guard let seal = try index.append(Array(entries[kept...]), to: variant, in: base) else {
            return inMemory
          }
          state.files[variant] = seal
        } else {
          state.files[variant] = try index.write(entries, of: variant)
        }
      }
      try index.write(state)
      // The entries are at hand: reading them back would only give another process the chance to change them.
      return IndexView(state: state, index: index, inMemory: byVariant, files: state)
    } catch {
      index.removeState()
      // Appending kept each sealed part of the base as it was, so the base still vouches for them.
      return inMemory
    }
  }

  /// Appends the versions a biostore write just committed to the index, when the index was current for `parent`; otherwise the next read catches up.
  ///
  /// Lines go at the end of each variant's file and the new state, with the files' new seals, last,
  /// so a crash in between leaves files longer than their seals, which readers read as the sealed
  /// part. A failure only costs speed.
  func appendToIndex(
    _ versions: [PendingVersion], commits: [ObjectID], parent: Commit?,
    startFiles: [VariantName: ObjectID]
  ) {
    let index = historyIndex
    // A rename touches two variants' files; the next read catches up on it instead.
    guard versions.allSatisfy({ $0.renamedFrom == nil }), let lock = indexLock(),
      let state = index.state(), state.branch == branch, state.tip == parent?.id,
      let tip = commits.last
    else { return }
    defer { withExtendedLifetime(lock) {} }
    var latest = startFiles
    for version in versions where latest[version.variant] == nil {
      // A variant saved again after a removal counts against its last text before it.
      latest[version.variant] =
        index.entries(of: version.variant, in: state)?
        .last { $0.kind == .version || $0.kind == .renamedFrom }?.blob
    }
    var lines: [VariantName: [HistoryIndex.Entry]] = [:]
    for (offset, (version, commit)) in zip(versions, commits).enumerated() {
      var entry = HistoryIndex.Entry(
        kind: version.bytes == nil ? .removal : .version, commit: commit, date: version.asOf,
        blob: nil,
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
    var next = HistoryIndex.State(
      branch: branch, tip: tip, depth: state.depth + commits.count, files: state.files)
    do {
      for (variant, entries) in lines {
        // A file that no longer matches its seal is left for the next read to rebuild.
        guard let seal = try index.append(entries, to: variant, in: state) else { return }
        next.files[variant] = seal
      }
      try index.write(next)
    } catch {
      index.removeState()
    }
  }

  /// The history of `variant` from the index, newest first: its versions and, through a rename into it, the versions of the variant it was renamed from; with the removals and renames on the way.
  func indexedHistory(of variant: VariantName) throws(StoreError) -> VariantHistory {
    guard let view = try currentIndex() else { return VariantHistory() }
    if let history = history(of: variant, in: view) { return history }
    // A damaged file: build the whole index again, kept in memory whether or not it is written.
    let rebuilt = try buildIndex(tip: view.state.tip, base: nil, steps: try allSteps())
    indexView = rebuilt
    return history(of: variant, in: rebuilt) ?? VariantHistory()
  }

  /// The history of `variant` in `view`; nil when a file it needs is damaged.
  private func history(of variant: VariantName, in view: IndexView) -> VariantHistory? {
    var history = VariantHistory()
    var items: [(depth: Int, item: VariantHistory.Item)] = []
    var pending: [(variant: VariantName, below: Int?)] = [(variant, nil)]
    // How deep each variant's entries have been taken already (nil: all of them). A name renamed
    // back and forth meets itself again: taking its entries twice would list them twice, and
    // following each rename of each visit again would take 2^renames steps.
    var taken: [VariantName: Int?] = [:]
    var renames = Set<ObjectID>()
    // Following a rename goes strictly deeper, so the walk through renames ends.
    while let (current, below) = pending.popLast() {
      if let done = taken[current] {
        // Only entries above what was taken are new: none when all were taken.
        guard let done, below.map({ $0 > done }) ?? true else { continue }
      }
      let floor = taken[current] ?? nil
      taken[current] = .some(below)
      guard let all = view.entries(of: current) else { return nil }
      let entries = all.filter { entry in
        (below.map { entry.depth < $0 } ?? true) && (floor.map { entry.depth >= $0 } ?? true)
      }
      if current == variant, let newest = entries.last {
        let event = Removal(id: newest.commit, date: newest.date)
        if newest.kind == .removal { history.removal = event }
        if newest.kind == .renamedTo, let other = newest.otherVariant {
          history.renamedTo = (other, event)
        }
      }
      for entry in entries {
        let position = view.state.depth - entry.depth
        let event = Removal(id: entry.commit, date: entry.date)
        switch entry.kind {
        case .version:
          let version = Version(
            variant: current, id: entry.commit, blobID: entry.blob ?? entry.commit,
            date: entry.date, message: entry.message, lineIndex: position)
          items.append(
            (
              entry.depth,
              .version(
                IndexedVersion(
                  version: version, words: entry.words, added: entry.added, removed: entry.removed))
            ))
        case .removal:
          items.append((entry.depth, .removed(current, event, position)))
        case .renamedTo:
          // One rename is an entry of both names; a name that came back lists it from both sides.
          if let other = entry.otherVariant, renames.insert(entry.commit).inserted {
            items.append((entry.depth, .renamed(from: current, to: other, event, position)))
          }
        case .renamedFrom:
          if let other = entry.otherVariant {
            if renames.insert(entry.commit).inserted {
              items.append((entry.depth, .renamed(from: other, to: current, event, position)))
            }
            pending.append((other, entry.depth))
          }
        }
      }
    }
    history.items = items.sorted { $0.depth > $1.depth }.map(\.item)
    return history
  }

  /// The newest version of `variant` whose date `admits` (the latest, when nil), `stepsBack` versions back, read from the end of its index file once the file matches its seal; nil when only the whole history can say (a rename or removal on the way, the variant kept in memory, a damaged file, no such version).
  func indexedVersion(
    of variant: VariantName, stepsBack: Int, admits: ((Timestamp) -> Bool)?
  ) throws(StoreError) -> Version? {
    guard let view = try currentIndex(), view.inMemory?[variant] == nil, let files = view.files,
      let entries = view.index.newestVersions(
        of: variant, in: files, stepsBack: stepsBack, admits: admits),
      let entry = entries.last, let blob = entry.blob
    else { return nil }
    return Version(
      variant: variant, id: entry.commit, blobID: blob, date: entry.date, message: entry.message,
      lineIndex: view.state.depth - entry.depth)
  }

  /// The variants the index knows, with or without a file in the tip.
  func indexedVariants() throws(StoreError) -> [VariantName] {
    guard let view = try currentIndex() else { return [] }
    let kept = view.inMemory.map { Array($0.keys) } ?? []
    let filed = view.files.map { Array($0.files.keys) } ?? []
    return Array(Set(kept + filed)).sorted()
  }
}

import Git
import ProseDiff

/// Every answer about versions, read from the index: a variant's history, its latest version, the version on a date or `~N` before, the version a commit holds, and what a save needs to know.
extension HistoryIndex {
  /// The history of `variant`, newest first: its versions and, through a rename into it, the versions of the variant it was renamed from; with the removals and renames on the way.
  func history(of variant: VariantName) throws(StoreError) -> VariantHistory {
    // Brought up to the tip first: that forgets histories assembled for an older tip.
    guard let view = try current() else { return VariantHistory() }
    if let history = assembled[variant] { return history }
    var history = assemble(variant, from: view)
    if history == nil, let rebuilt = try rebuilt() {
      // A damaged file: the rebuilt index is kept in memory whether or not it could be written.
      history = assemble(variant, from: rebuilt)
    }
    assembled[variant] = history
    return history ?? VariantHistory()
  }

  /// The version of `variant` dated on or before `date` (the latest, when nil), `stepsBack` versions further back; `dateText` is the date as typed, for the error.
  ///
  /// Read from the end of the variant's file when nothing on the way needs the whole history (a
  /// rename into it, a removal since); else from `history(of:)`, which also words the errors.
  func version(
    of variant: VariantName, onOrBefore date: DateInput?, dateText: String, stepsBack: Int
  ) throws(StoreError) -> Version {
    if let version = try versionFromEnd(
      of: variant, stepsBack: stepsBack, admits: date?.admitsOnOrBefore)
    {
      return version
    }
    let history = try history(of: variant)
    let versions = history.versions.map(\.version)
    guard let earliest = versions.last else {
      throw .unknownVariant(
        variant.rawValue, known: try mainLine.tipFiles().keys.sorted().map(\.rawValue))
    }
    var selected = 0
    if let date {
      // Newest first in commit order, so the first admitted is DESIGN.md's answer even when dates are out of order.
      guard let index = versions.firstIndex(where: { date.admitsOnOrBefore($0.date) }) else {
        throw .noVersion(of: variant.rawValue, onOrBefore: dateText, earliest: earliest.date)
      }
      selected = index
    } else if let renamed = history.renamedTo {
      throw .renamedVariant(
        variant.rawValue, to: renamed.variant.rawValue, on: renamed.event.date,
        commit: renamed.event.id)
    } else if let removal = history.removal {
      throw .removedVariant(variant.rawValue, on: removal.date, commit: removal.id)
    }
    guard selected + stepsBack < versions.count else {
      throw .tooFarBack(
        variant: variant.rawValue, steps: stepsBack, available: versions.count - selected)
    }
    return versions[selected + stepsBack]
  }

  /// The version of `variant` whose text commit `commitID` holds, `stepsBack` versions further back, with its counts; nil when the commit has no file for the variant.
  ///
  /// A commit that changed the variant's file (as `biostore tag` pins it) is answered without
  /// reading it. From any other commit, first parents are followed down to the nearest commit that
  /// changed the file, and its text is the answer when it is the commit's own. A rename into the
  /// variant counts as a version of it here, so a pin names the variant it was sent. A commit whose
  /// text no version holds (off the main line) is itself the version, with no position and no `~N`.
  func version(of variant: VariantName, heldBy commitID: ObjectID, stepsBack: Int = 0)
    throws(StoreError) -> IndexedVersion?
  {
    guard let view = try current() else { return nil }
    let own = try ownFile(of: variant)
    var found = own.byCommit[commitID].map { own.entries[$0] }
    if found?.blob == nil {
      guard let commit = try mainLine.commitIfPresent(commitID) else {
        throw .unknownCommit(commitID.hex, ambiguous: false)
      }
      guard let blob = try mainLine.variantFiles(of: commit)[variant] else {
        return try versionUnderEarlierName(of: variant, heldBy: commitID, stepsBack: stepsBack)
      }
      found = try nearestChange(below: commit, among: own.byCommit).map { own.entries[$0] }
      if found?.blob != blob {
        guard stepsBack == 0 else { throw .commitNotOnMainLine(commit.id) }
        let words = ProseText(bytes: try mainLine.bytes(ofBlob: blob)).wordCount
        return IndexedVersion(
          version: Version(variant: variant, commit: commit, blobID: blob, lineIndex: nil),
          words: words, added: 0, removed: 0)
      }
    }
    guard let found, let blob = found.blob else { return nil }
    let position = view.position(of: found)
    let held = IndexedVersion(
      version: Version(
        variant: variant, id: found.commit, blobID: blob, date: found.date,
        message: found.message, lineIndex: position),
      words: found.words, added: found.kind == .version ? found.added : 0,
      removed: found.kind == .version ? found.removed : 0)
    guard stepsBack > 0 else { return held }
    let older = try history(of: variant).versions.filter { ($0.version.lineIndex ?? 0) > position }
    guard stepsBack - 1 < older.count else {
      throw .tooFarBack(variant: variant.rawValue, steps: stepsBack, available: older.count + 1)
    }
    return older[stepsBack - 1]
  }

  /// The names `variant`'s versions were saved under: its own, and those it was renamed from.
  func namesInHistory(of variant: VariantName) throws(StoreError) -> Set<VariantName> {
    Set(try history(of: variant).versions.map(\.version.variant)).union([variant])
  }

  /// The version commit `commitID` holds of a name `variant` was renamed from, when that version is in `variant`'s history, `stepsBack` further back in that history; nil when there is none.
  ///
  /// So `speaker@talk` and an engagement pinned as `speaker` reach a version saved as `short`
  /// before `mv short speaker`. A version of a later variant that merely reuses an old name is not
  /// in the history, so it is never taken for one.
  private func versionUnderEarlierName(
    of variant: VariantName, heldBy commitID: ObjectID, stepsBack: Int
  ) throws(StoreError) -> IndexedVersion? {
    let versions = try history(of: variant).versions
    for name in Set(versions.map(\.version.variant)) where name != variant {
      guard let held = try version(of: name, heldBy: commitID),
        let position = versions.firstIndex(where: { $0.version.id == held.version.id })
      else { continue }
      guard position + stepsBack < versions.count else {
        throw .tooFarBack(
          variant: variant.rawValue, steps: stepsBack, available: versions.count - position)
      }
      return versions[position + stepsBack]
    }
    return nil
  }

  /// Every text `variant`'s own file held, newest first: its versions and the renames into it, each a version of this name, as export and import count them.
  func ownVersions(of variant: VariantName) throws(StoreError) -> [Version] {
    guard let view = try current() else { return [] }
    return try ownFile(of: variant).entries.reversed().compactMap { entry in
      entry.blob.map { blob in
        Version(
          variant: variant, id: entry.commit, blobID: blob, date: entry.date,
          message: entry.message, lineIndex: view.position(of: entry))
      }
    }
  }

  /// Every line of `variant`'s own file, oldest first: its versions, its removals and the renames into and out of it, as export writes them.
  func ownEntries(of variant: VariantName) throws(StoreError) -> [IndexEntry] {
    try ownFile(of: variant).entries
  }

  /// The newest changes to `variant`'s own file.
  func latestChange(of variant: VariantName) throws(StoreError) -> LatestChange {
    guard let view = try current() else {
      return LatestChange(commit: nil, newestText: nil, isRemoved: false, newestVersionDate: nil)
    }
    let entries = try ownFile(of: variant).entries
    let newestEntry = entries.last { $0.blob != nil }
    // A rename carries its text over with the rename's own date; the version is older.
    let newestVersionDate =
      newestEntry?.kind == .renamedFrom
      ? try history(of: variant).versions.first?.version.date : newestEntry?.date
    let newestText = entries.last { $0.blob != nil }.map { entry in
      Version(
        variant: variant, id: entry.commit, blobID: entry.blob ?? entry.commit, date: entry.date,
        message: entry.message, lineIndex: view.position(of: entry))
    }
    return LatestChange(
      commit: entries.last?.commit, newestText: newestText,
      isRemoved: entries.last?.isRemoval ?? false, newestVersionDate: newestVersionDate)
  }

  /// The variants the index knows, with or without a file in the tip.
  func variants() throws(StoreError) -> [VariantName] {
    guard let view = try current() else { return [] }
    let kept = view.inMemory.map { Array($0.keys) } ?? []
    let filed = view.sealed.map { Array($0.files.keys) } ?? []
    return Array(Set(kept + filed)).sorted()
  }

  /// The newest version of `variant` whose date `admits` (the latest, when nil), `stepsBack` versions back, read from the end of its file once the file matches its seal; nil when only the whole history can say (a rename or removal on the way, the variant kept in memory, a damaged file, no such version).
  private func versionFromEnd(
    of variant: VariantName, stepsBack: Int, admits: ((Timestamp) -> Bool)?
  ) throws(StoreError) -> Version? {
    guard let view = try current(), view.inMemory?[variant] == nil, let sealed = view.sealed,
      let entries = files.newestVersions(
        of: variant, in: sealed, stepsBack: stepsBack, admits: admits),
      let entry = entries.last, let blob = entry.blob
    else { return nil }
    return Version(
      variant: variant, id: entry.commit, blobID: blob, date: entry.date, message: entry.message,
      lineIndex: view.position(of: entry))
  }

  /// `variant`'s own entries, oldest first, with the position of each commit among them; a damaged file builds the index again.
  private func ownFile(of variant: VariantName) throws(StoreError) -> (
    entries: [IndexEntry], byCommit: [ObjectID: Int]
  ) {
    guard let view = try current() else { return ([], [:]) }
    if let own = ownFiles[variant] { return own }
    var entries = view.entries(of: variant)
    if entries == nil { entries = try rebuilt()?.entries(of: variant) }
    var byCommit: [ObjectID: Int] = [:]
    for (index, entry) in (entries ?? []).enumerated() { byCommit[entry.commit] = index }
    ownFiles[variant] = (entries ?? [], byCommit)
    return (entries ?? [], byCommit)
  }

  /// The index in `byCommit` of the nearest commit at or below `commit` along first parents, or nil when the line reaches its root first.
  private func nearestChange(below commit: Commit, among byCommit: [ObjectID: Int])
    throws(StoreError) -> Int?
  {
    var current = commit
    // Ids cannot form a loop, but a damaged or replaced object could: a commit seen twice ends the walk.
    var seen: Set<ObjectID> = []
    while seen.insert(current.id).inserted {
      if let index = byCommit[current.id] { return index }
      guard let parent = current.parentIDs.first, let next = try mainLine.commitIfPresent(parent)
      else { return nil }
      current = next
    }
    return nil
  }

  /// The history of `variant` in `view`; nil when a file it needs is damaged.
  private func assemble(_ variant: VariantName, from view: IndexView) -> VariantHistory? {
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
        let position = view.position(of: entry)
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
}

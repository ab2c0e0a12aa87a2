import Git

extension Store {
  /// Takes back the newest write in the write log (a save, tag, rm, mv, insert, amend, untag or import), moving every reference it moved back where it was, as one journaled write.
  ///
  /// Refused when a reference the write moved has been changed since by another tool, when a
  /// variant file it changes holds unsaved hand edits, or for the store's first commit (there is no
  /// line before it; `rm` retires a variant). Nothing is lost: the branch tip and every tag the undo
  /// replaces are kept under `refs/biostore/replaced/` first. A write whose undo died after it was
  /// recorded is recognised (every reference already back) and skipped.
  ///
  /// Taking commits a remote has off the line is refused unless `rewritingShared`.
  public func undo(rewritingShared: Bool = false) throws(StoreError) -> UndoOutcome {
    try withWriterLock { (writer) throws(StoreError) -> UndoOutcome in
      let log = WriteLog(directory: privateDirectory)
      var entries = log.entries()
      while let newest = entries.last {
        try checkPlausible(newest)
        guard try isTakenBack(newest) else { break }
        try log.removeNewest()
        entries.removeLast()
      }
      guard let entry = entries.last else { throw .nothingToUndo }
      // A rewrite kept the old tip under refs/biostore/replaced/: its old line comes back whole.
      let rewrote =
        entry.sharedBase != nil
        || entry.references.contains { $0.name.hasPrefix(replacedTipPrefix) && $0.old == nil }
      var moves: [WriteJournal.ReferenceMove] = []
      var kept: [WriteJournal.ReferenceMove] = []
      var deletions: [WriteJournal.ReferenceDeletion] = []
      var engagements: [(name: String, change: UndoOutcome.EngagementChange)] = []
      var keptTip: String?
      var branchMove: WriteJournal.ReferenceMove?
      for move in entry.references where !move.name.hasPrefix(Store.replacedPrefix) {
        if move.name == branch {
          guard let old = move.old else { throw .cannotUndoFirstCommit(summary: entry.summary) }
          let name = try nextReplacedName(under: replacedTipPrefix)
          keptTip = name
          kept.append(WriteJournal.ReferenceMove(name: name, old: nil, new: move.new))
          moves.append(WriteJournal.ReferenceMove(name: branch, old: move.new, new: old))
          branchMove = move
        } else if Store.isBookkeeping(move.name) {
          // A note (an engagement retired here, what a remote has) simply goes back.
          if let old = move.old {
            moves.append(WriteJournal.ReferenceMove(name: move.name, old: move.new, new: old))
          } else {
            deletions.append(WriteJournal.ReferenceDeletion(name: move.name, old: move.new))
          }
        } else {
          let engagement = String(move.name.dropFirst(EngagementReader.prefix.count))
          let prefix = Store.replacedPrefix + engagement + "/"
          kept.append(
            WriteJournal.ReferenceMove(
              name: try nextReplacedName(under: prefix), old: nil, new: move.new))
          if let old = move.old {
            moves.append(WriteJournal.ReferenceMove(name: move.name, old: move.new, new: old))
            engagements.append((engagement, .restored))
          } else {
            deletions.append(WriteJournal.ReferenceDeletion(name: move.name, old: move.new))
            engagements.append((engagement, .removed))
          }
        }
      }
      for deletion in entry.deletions {
        moves.append(WriteJournal.ReferenceMove(name: deletion.name, old: nil, new: deletion.old))
        guard !Store.isBookkeeping(deletion.name) else { continue }
        engagements.append(
          (String(deletion.name.dropFirst(EngagementReader.prefix.count)), .returned))
      }
      var changes: [WriteJournal.FileChange] = []
      var commits: [UndoOutcome.Commit] = []
      if let branchMove, let old = branchMove.old {
        changes = try fileChanges(from: commit(branchMove.new), to: commit(old))
        let takenOff = try commitsTakenOff(
          from: branchMove.new, downTo: rewrote ? entry.sharedBase : old)
        if let lowest = takenOff.last {
          try refuseReplacingShared(lowest.id, allowed: rewritingShared)
        }
        try refuseStrandingEngagements(
          on: Set(takenOff.map(\.id)), keeping: Set(entry.references.map(\.name)),
          summary: entry.summary)
        if !rewrote { commits = takenOff }
      }
      var journal = WriteJournal(changes: changes, references: kept + moves)
      journal.deletions = deletions
      journal.sharedBase = entry.sharedBase ?? branchMove?.old
      try writer.record(journal, summary: "undo \(entry.summary)", logged: false)
      try log.removeNewest()
      return UndoOutcome(
        summary: entry.summary, recordedAt: Timestamp(seconds: entry.recordedAt, offsetMinutes: 0),
        commits: commits, rewroteLine: rewrote, branchTip: branchMove?.old,
        engagements: engagements, keptTip: keptTip)
    }
  }

  /// The variant files that differ between the tip `from` and the new tip `to`, for a journal that moves the branch between them; refuses when one holds unsaved hand edits.
  func fileChanges(from: Commit?, to: Commit) throws(StoreError) -> [WriteJournal.FileChange] {
    let before = try variantFiles(of: from)
    let after = try variantFiles(of: to)
    var changes: [WriteJournal.FileChange] = []
    for variant in Set(before.keys).union(after.keys).sorted()
    where before[variant] != after[variant] {
      try workTree.refuseUnsavedEdits(of: variant, tipBlob: before[variant])
      changes.append(
        WriteJournal.FileChange(
          variant: variant.rawValue, oldBlob: before[variant], newBlob: after[variant]))
    }
    return changes
  }

  /// Where everything a rewrite or an undo replaces is kept.
  static let replacedPrefix = "refs/biostore/replaced/"

  /// Whether `name` is one of biostore's notes, which a write may move and `undo` simply moves back: an engagement retired here (`refs/biostore/retired/`), what a remote has (`refs/biostore/remotes/`).
  static func isBookkeeping(_ name: String) -> Bool {
    name.hasPrefix("refs/biostore/retired/") || name.hasPrefix("refs/biostore/remotes/")
  }

  /// Whether every reference `entry` changed is back where it was before it (an undo recorded it back, then died before taking the entry out); refuses when one is neither there nor where the write left it.
  private func isTakenBack(_ entry: WriteLog.Entry) throws(StoreError) -> Bool {
    var back = true
    var current = true
    func target(_ name: String) throws(StoreError) -> ObjectID? {
      try storage { () throws(GitError) in try repository.referenceTarget(name) }
    }
    for move in entry.references where !move.name.hasPrefix(Store.replacedPrefix) {
      let now = try target(move.name)
      back = back && now == move.old
      current = current && now == move.new
      if now != move.old && now != move.new {
        throw .cannotUndo(summary: entry.summary, changed: move.name)
      }
    }
    for deletion in entry.deletions {
      let now = try target(deletion.name)
      back = back && now == deletion.old
      current = current && now == nil
      if now != nil && now != deletion.old {
        throw .cannotUndo(summary: entry.summary, changed: deletion.name)
      }
    }
    guard back || current else {
      throw .cannotUndo(summary: entry.summary, changed: "part of it")
    }
    return back && !current
  }

  /// Refuses an entry that names a reference biostore never writes, or an object of the wrong kind: the log can be planted like any file in `.git`.
  private func checkPlausible(_ entry: WriteLog.Entry) throws(StoreError) {
    func kind(_ id: ObjectID?) -> ObjectKind? {
      id.flatMap { try? repository.objectKind($0) }
    }
    for move in entry.references {
      let plausible: Bool
      if move.name == branch {
        plausible = kind(move.new) == .commit && (move.old == nil || kind(move.old) == .commit)
      } else if move.name.hasPrefix(EngagementReader.prefix),
        (try? EngagementName(String(move.name.dropFirst(EngagementReader.prefix.count)))) != nil
      {
        plausible =
          [.tag, .commit].contains(kind(move.new))
          && (move.old == nil || [.tag, .commit].contains(kind(move.old)))
      } else if Store.isBookkeeping(move.name) {
        plausible =
          [.tag, .commit].contains(kind(move.new))
          && (move.old == nil || [.tag, .commit].contains(kind(move.old)))
      } else {
        plausible = move.name.hasPrefix(Store.replacedPrefix) && move.old == nil
      }
      guard plausible else { throw .badWriteLog(name: move.name) }
    }
    for deletion in entry.deletions
    where !(deletion.name.hasPrefix(EngagementReader.prefix) || Store.isBookkeeping(deletion.name))
      || ![.tag, .commit].contains(kind(deletion.old))
    {
      throw .badWriteLog(name: deletion.name)
    }
  }

  /// Refuses an undo that would take off the line a commit an engagement it does not move back was sent (one recorded after the write, by biostore or by hand).
  private func refuseStrandingEngagements(
    on commits: Set<ObjectID>, keeping moved: Set<String>, summary: String
  ) throws(StoreError) {
    guard !commits.isEmpty else { return }
    for engagement in try engagements().engagements
    where !moved.contains(engagement.name.referenceName) {
      if engagement.sent.contains(where: { commits.contains($0.version.id) }) {
        throw .undoWouldStrand(summary: summary, engagement: engagement.name.rawValue)
      }
    }
  }

  /// The commits from `tip` down first parents to `base` (not included; the root when nil), newest first.
  private func commitsTakenOff(from tip: ObjectID, downTo base: ObjectID?) throws(StoreError)
    -> [UndoOutcome.Commit]
  {
    var commits: [UndoOutcome.Commit] = []
    var id = tip
    while id != base {
      let step = try commit(id)
      let files = try variantFiles(of: step)
      let parent = try step.parentIDs.first.map(commit)
      let before = try variantFiles(of: parent)
      commits.append(
        UndoOutcome.Commit(
          id: step.id, date: Timestamp(step.author),
          subject: String(Version.userMessage(step.message).prefix { $0 != "\n" }),
          variants: Set(files.keys).union(before.keys).filter { files[$0] != before[$0] }.sorted()))
      guard let next = parent?.id else { break }
      id = next
    }
    return commits
  }
}

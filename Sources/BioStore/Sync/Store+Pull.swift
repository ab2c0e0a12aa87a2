import Git

extension Store {
  /// Fetches `remote` and brings its versions and engagements into the store, as one journaled write under the writer lock; the history stays linear and nothing is lost.
  ///
  /// When only the remote has new commits, the branch moves to its tip. When both sides do, this
  /// store's own commits are written again on top of the remote's tip, in their order (each version
  /// is a whole text, so nothing is merged): two machines that saved the same variant keep both
  /// versions, the newest by as-of date on top (see `replayLocalCommits`). Engagements the remote has are taken; one recorded differently on each
  /// side takes the remote's record (which other copies already have) and keeps this store's
  /// under `refs/biostore/replaced/NAME/N`, unless this store replaced that very record itself (an
  /// edit made here, which `push` sends); this store's own engagements follow their commits.
  public func pull(from remote: String) throws(StoreError) -> PullOutcome {
    try remoteURL(of: remote)
    // The network part needs no lock: it only adds objects and remote-tracking references.
    let advertised = try fetch(from: remote)
    return try withWriterLock { (writer) throws(StoreError) -> PullOutcome in
      var outcome = PullOutcome()
      let remoteTip = try referenceTarget(trackingReference(of: remote))
      let localTip = try tipCommit()
      var moves: [WriteJournal.ReferenceMove] = []
      var replaced: [ObjectID: ObjectID] = [:]
      var newTip = localTip?.id
      if let remoteTip {
        if localTip == nil {
          newTip = remoteTip
          outcome.branch = .fastForwarded(
            commits: try firstParentCount(from: remoteTip, downTo: nil))
        } else if let localTip, localTip.id != remoteTip {
          if try storage({ () throws(GitError) in
            try repository.isDescendant(localTip.id, of: remoteTip)
          }) {
            outcome.branch = .localAhead
          } else if try storage({ () throws(GitError) in
            try repository.isDescendant(remoteTip, of: localTip.id)
          }) {
            newTip = remoteTip
            outcome.branch = .fastForwarded(
              commits: try firstParentCount(from: remoteTip, downTo: localTip.id))
          } else {
            let replay = try replayLocalCommits(
              of: localTip, onto: remoteTip, remote: remote, writer: writer)
            newTip = replay.tip
            replaced = replay.replaced
            outcome.branch = .replayed(local: replay.local, remote: replay.remote)
            outcome.savedOnBothSides = replay.savedOnBothSides
            outcome.remoteAgainOnTop = replay.remoteAgainOnTop
            outcome.alreadyThere = replay.alreadyThere
            let kept = try nextReplacedName(under: replacedTipPrefix)
            outcome.keptTip = kept
            moves.append(WriteJournal.ReferenceMove(name: kept, old: nil, new: localTip.id))
          }
        }
      } else {
        outcome.branch = .remoteEmpty
      }
      var changes: [WriteJournal.FileChange] = []
      var deletions: [WriteJournal.ReferenceDeletion] = []
      if let newTip, newTip != localTip?.id {
        moves.append(WriteJournal.ReferenceMove(name: branch, old: localTip?.id, new: newTip))
        changes = try fileChanges(from: localTip, to: commit(newTip))
        // An engagement the remote records differently takes the remote's record (this store's is
        // kept by that move), so it is not also re-pointed: one move per reference.
        let fetched = try fetchedEngagementMoves(
          from: remote, advertised: advertised, outcome: &outcome)
        let taken = Set(fetched.moves.map(\.name) + fetched.deletions.map(\.name))
        moves += try engagementMoves(following: replaced, writer: writer).filter { move in
          !taken.contains(move.name)
            && !taken.contains {
              $0.hasPrefix(EngagementReader.prefix)
                && move.name.hasPrefix(
                  Store.replacedPrefix + $0.dropFirst(EngagementReader.prefix.count) + "/")
            }
        }
        moves += fetched.moves
        deletions = fetched.deletions
      } else {
        let fetched = try fetchedEngagementMoves(
          from: remote, advertised: advertised, outcome: &outcome)
        moves += fetched.moves
        deletions = fetched.deletions
      }
      guard !moves.isEmpty || !deletions.isEmpty else { return outcome }
      var journal = WriteJournal(changes: changes, references: moves)
      journal.deletions = deletions
      if case .replayed = outcome.branch {
        journal.sharedBase = remoteTip
      }
      try writer.record(journal, summary: "pull from \(remote)")
      if let newTip, newTip != localTip?.id { checkOutOtherFiles(from: localTip, to: newTip) }
      _ = try? index.current()
      return outcome
    }
  }

  /// Brings the files that are not variants (a README, a folder of notes, in an adopted store) in the work tree and git's index to the new tip, as `git pull` would; a failure is a warning, never a lost word.
  ///
  /// Variant files went through the journal; these are checked out by libgit2 with its safe
  /// strategy, so a file edited by hand since is left alone.
  private func checkOutOtherFiles(from oldTip: Commit?, to newTip: ObjectID) {
    do {
      let new = try commit(newTip).treeID
      let paths = try storage { () throws(GitError) in
        try repository.changedPaths(from: oldTip?.treeID, to: new)
      }.filter { path in path.contains("/") || VariantName.fromFileName(path) == nil }
      try storage { () throws(GitError) in
        try repository.checkOut(paths: paths, of: new, from: oldTip?.treeID)
      }
    } catch {
      warn(
        "the pull is recorded, but files that are not variants could not all be checked out (\(error)); `git status` shows which"
      )
    }
  }

  /// Whether `target` is a record of `engagement` this store replaced (kept under `refs/biostore/replaced/NAME/`).
  func replacedHere(_ target: ObjectID, of engagement: EngagementName) throws(StoreError) -> Bool {
    try storage { () throws(GitError) in
      try repository.referenceTargets(under: engagement.replacedPrefix).contains {
        $0.target == target
      }
    }
  }

  /// The commit a reference names, or nil when it does not exist.
  func referenceTarget(_ name: String) throws(StoreError) -> ObjectID? {
    try storage { () throws(GitError) in try repository.referenceTarget(name) }
  }

  /// First-parent steps from `tip` down to `base` (to the root when nil).
  private func firstParentCount(from tip: ObjectID, downTo base: ObjectID?) throws(StoreError)
    -> Int
  {
    var count = 0
    try mainLine.walk(from: tip) { step in
      guard step.commit.id != base else { return false }
      count += 1
      return true
    }
    return count
  }

  /// The moves that bring the remote's engagements in: each one this store lacks is created, each one recorded differently here is replaced by the remote's, this store's record kept first; and the deletions that retire here each one the remote no longer has (it is not in `advertised`) while this store still holds the record last fetched.
  ///
  /// One this store retired itself (`untag`, noted under `refs/biostore/retired/NAME`) is not
  /// taken back: `push` retires it on the remote. One the remote retired while this store
  /// recorded it differently is kept, since that record is news to the remote. The remote-tracking
  /// tag of one the remote dropped goes in the same write, so a pull killed before it finds the
  /// same again.
  private func fetchedEngagementMoves(
    from remote: String, advertised: Set<String>, outcome: inout PullOutcome
  ) throws(StoreError) -> (
    moves: [WriteJournal.ReferenceMove], deletions: [WriteJournal.ReferenceDeletion]
  ) {
    let prefix = Store.fetchedEngagementsPrefix(of: remote)
    let tracked = try storage { () throws(GitError) in
      try repository.referenceTargets(under: prefix)
    }
    var moves: [WriteJournal.ReferenceMove] = []
    var deletions: [WriteJournal.ReferenceDeletion] = []
    for (reference, target) in tracked {
      let name = String(reference.dropFirst(prefix.count))
      guard let engagement = try? EngagementName(name) else {
        outcome.unreadableNames.append(name)
        continue
      }
      let local = try referenceTarget(engagement.referenceName)
      guard advertised.contains(engagement.referenceName) else {
        // The remote retired it since this store last heard from it.
        deletions.append(WriteJournal.ReferenceDeletion(name: reference, old: target))
        guard let local else { continue }
        guard local == target else {
          outcome.keptThoughRetiredThere.append(name)
          continue
        }
        let kept = try nextReplacedName(under: engagement.replacedPrefix)
        moves.append(WriteJournal.ReferenceMove(name: kept, old: nil, new: local))
        moves.append(
          WriteJournal.ReferenceMove(
            name: engagement.retiredReference,
            old: try referenceTarget(engagement.retiredReference), new: local))
        deletions.append(WriteJournal.ReferenceDeletion(name: engagement.referenceName, old: local))
        outcome.retiredThere.append((name, kept))
        continue
      }
      guard local != target else { continue }
      if local == nil, try referenceTarget(engagement.retiredReference) == target {
        // This store retired (`untag`) the very record the remote still has: push retires it.
        outcome.retiredHere.append(name)
        continue
      }
      if local != nil, try replacedHere(target, of: engagement) {
        // This store edited (`tag --force`/`--edit`) the record the remote still has: push sends it.
        outcome.editedHere.append(name)
        continue
      }
      if let local {
        let kept = try nextReplacedName(under: engagement.replacedPrefix)
        moves.append(WriteJournal.ReferenceMove(name: kept, old: nil, new: local))
        outcome.differingEngagements.append((name, kept))
      } else {
        outcome.newEngagements.append(name)
      }
      moves.append(
        WriteJournal.ReferenceMove(name: engagement.referenceName, old: local, new: target))
    }
    return (moves, deletions)
  }
}

import Git

/// What writing this store's own commits again on the remote's tip gave.
struct PullReplay {
  /// The new tip: the remote's, with this store's commits (and any versions put back on top) above it.
  var tip: ObjectID
  /// Each of this store's commits, and the commit that holds its change now.
  var replaced: [ObjectID: ObjectID] = [:]
  /// How many of this store's commits were written again, and how many the remote had.
  var local = 0
  var remote = 0
  /// Variants both sides saved since the lines parted.
  var savedOnBothSides: [String] = []
  /// Variants whose remote version is newer than this store's: written again on top of it.
  var remoteAgainOnTop: [String] = []
  /// This store's versions whose text the remote already had (saved on both sides): left out, the remote's kept.
  var alreadyThere: [(variant: String, date: Timestamp)] = []
}

extension Store {
  /// Writes each commit of this store's since the lines parted again on `remoteTip`, keeping its author, committer and message; a change the remote already has is left out.
  ///
  /// Commits the remote has are never written again (other copies have them), so a version of
  /// this store's that is older than the remote's newest of the same variant cannot go below it.
  /// It goes on top, and the remote's newer text is then saved once more above it with its own
  /// as-of date and author: both versions are kept, and the newest by as-of date is the latest,
  /// as it was on the remote.
  func replayLocalCommits(
    of localTip: Commit, onto remoteTip: ObjectID, remote: String, writer: StoreWriter
  ) throws(StoreError) -> PullReplay {
    let base = try storage { () throws(GitError) in try repository.mergeBase(localTip.id, remoteTip)
    }
    var localSteps: [MainLineStep] = []
    try mainLine.walk(from: localTip.id) { step in
      guard step.commit.id != base else { return false }
      localSteps.append(step)
      return true
    }
    // The remote's last change to each variant since the lines parted: nil when it was a removal.
    var remoteLatest: [VariantName: Commit?] = [:]
    var remoteCount = 0
    try mainLine.walk(from: remoteTip) { step in
      guard step.commit.id != base else { return false }
      remoteCount += 1
      for change in step.changes where remoteLatest[change.variant] == nil {
        remoteLatest[change.variant] = change.newBlob == nil ? .some(nil) : step.commit
      }
      return true
    }
    var replay = PullReplay(tip: remoteTip, remote: remoteCount)
    var lastLocalSave: [VariantName: Timestamp] = [:]
    var tree = try commit(remoteTip).treeID
    for step in localSteps.reversed() {
      let edits = try replayedEdits(of: step, onto: commit(replay.tip), remote: remote)
      let newTree = try storage { () throws(GitError) in
        try repository.writeTree(base: tree, changes: edits)
      }
      guard newTree != tree else {
        // The remote has this change already (the same text saved on both sides).
        replay.replaced[step.commit.id] = replay.tip
        for change in step.changes where change.newBlob != nil {
          replay.alreadyThere.append((change.variant.rawValue, Timestamp(step.commit.author)))
        }
        continue
      }
      for case (let file, .some) in edits {
        if let variant = VariantName.fromFileName(file) {
          lastLocalSave[variant] = Timestamp(step.commit.author)
        }
      }
      let parents = [replay.tip] + step.commit.parentIDs.dropFirst()
      replay.tip = try writer.unrecorded { () throws(GitError) in
        try repository.createCommit(
          tree: newTree, parents: parents, author: step.commit.author,
          committer: step.commit.committer, message: step.commit.message)
      }
      replay.replaced[step.commit.id] = replay.tip
      replay.local += 1
      tree = newTree
    }
    let both = lastLocalSave.keys.filter { remoteLatest[$0] != nil }.sorted()
    replay.savedOnBothSides = both.map(\.rawValue)
    let remoteFiles = try variantFiles(of: commit(remoteTip))
    for variant in both {
      guard case .some(.some(let newer)) = remoteLatest[variant],
        let text = remoteFiles[variant], let saved = lastLocalSave[variant],
        saved < Timestamp(newer.author),
        try variantFiles(of: commit(replay.tip))[variant] != text
      else { continue }
      tree = try storage { () throws(GitError) in
        try repository.writeTree(base: tree, changes: [variant.fileName: text])
      }
      let parent = replay.tip
      let message = againOnTopMessage(of: newer, variant: variant, remote: remote)
      replay.tip = try writer.unrecorded { () throws(GitError) in
        try repository.createCommit(
          tree: tree, parents: [parent], author: newer.author,
          committer: writer.identity.signatureNow(), message: message)
      }
      replay.remoteAgainOnTop.append(variant.rawValue)
    }
    return replay
  }

  /// The file edits that make `step`'s change on top of `parent`: its renames first, then its saves and removals.
  private func replayedEdits(
    of step: MainLineStep, onto parent: Commit, remote: String
  ) throws(StoreError) -> [String: ObjectID?] {
    var files = try variantFiles(of: parent)
    var edits: [String: ObjectID?] = [:]
    let renames = step.renames
    for (old, new) in renames {
      guard let blob = files[old], files[new] == nil else {
        throw .pullConflict(
          remote: remote,
          reason:
            "this store renamed \(old) to \(new), but on \(remote) \(files[old] == nil ? "\(old) is gone" : "\(new) exists")"
            + " (take the rename back with `biostore undo`, once for each write since it, pull, then rename again as you choose)"
        )
      }
      edits[old.fileName] = .some(nil)
      edits[new.fileName] = blob
      files[old] = nil
      files[new] = blob
    }
    for change in step.changes
    where !renames.contains(where: { $0.old == change.variant || $0.new == change.variant }) {
      if let blob = change.newBlob {
        edits[change.variant.fileName] = blob
      } else if files[change.variant] != nil {
        edits[change.variant.fileName] = .some(nil)
      }
    }
    return edits
  }

  /// The message of a remote's version saved again on top: its own, marked as git marks a revert, then a paragraph saying why it is there twice.
  private func againOnTopMessage(of newer: Commit, variant: VariantName, remote: String) -> String {
    var own = newer.message.hasSuffix("\n") ? newer.message : newer.message + "\n"
    // Written again twice over, it is still the same version: one mark is enough.
    let mark = "Again on top: "
    if own.hasPrefix(mark) { own.removeFirst(mark.count) }
    return mark + own + "\n"
      + "Saved again by `biostore pull` from \(remote), unchanged (first saved as \(newer.id.short)): "
      + "this store's older version of \(variant) went below it, so the newest by as-of date stays the latest.\n"
  }
}

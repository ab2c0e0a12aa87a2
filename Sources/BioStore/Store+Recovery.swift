import Foundation
import Git

extension Store {
  /// Finishes a write that died or could not finish (a full disk, a busy git index), if the writer lock is free now; what cannot be finished stays a warning.
  ///
  /// Every command calls this when it opens the store, so "the next biostore command finishes it"
  /// holds for reads too. It never waits for the lock: a writer holding it finishes its own work.
  public func finishUnfinishedWrite() {
    guard WriteJournal.exists(in: privateDirectory) || ExportScratch.anyLeft(in: privateDirectory)
    else { return }
    ExportScratch.removeLeftovers(in: privateDirectory)
    guard WriteJournal.exists(in: privateDirectory), (try? checkWorkTreeIsOnBranch()) != nil,
      let lock = try? WriterLock(in: privateDirectory, timeout: 0)
    else { return }
    withExtendedLifetime(lock) {
      do {
        try recoverFromDeadWriter()
      } catch {
        warn("an earlier write could not be finished yet (\(error))")
      }
    }
  }

  /// Finishes or forgets the write a journal describes, clearing the lock files its writer left: call under the writer lock.
  ///
  /// The journal's first reference tells which: if it holds the journal's new value the write was
  /// recorded and is finished; otherwise it never was, and only git's index is brought in line with
  /// a file that already holds the tip's text. A file holding the new text while the branch still has
  /// the old is a hand edit whose save died before it was recorded, so it is left for the person.
  func recoverFromDeadWriter() throws(StoreError) {
    guard WriteJournal.exists(in: privateDirectory) else { return }
    guard let journal = WriteJournal.read(in: privateDirectory), isConsistent(journal) else {
      // Damaged, planted, or naming objects the store lacks: acting on it could only do harm, and
      // keeping it would repeat this warning on every command.
      warn(
        "dropped a write journal that cannot be finished (\(WriteJournal.path(in: privateDirectory)))"
      )
      return WriteJournal.remove(in: privateDirectory)
    }
    clearStaleLocks(
      ["index.lock", "packed-refs.lock"] + journal.references.map { $0.name + ".lock" })
    if let first = journal.references.first,
      (try? repository.referenceTarget(first.name)) == first.new
    {
      if finish(journal, logMessage: "biostore: finish an interrupted write") {
        WriteJournal.remove(in: privateDirectory)
      }
      return
    }
    defer { WriteJournal.remove(in: privateDirectory) }
    let tipFiles = try variantFiles(of: tipCommit())
    var staged: [(path: String, exists: Bool)] = []
    for change in journal.changes {
      guard let variant = try? VariantName(change.variant) else { continue }
      let file: ObjectID?
      do {
        file = try workTreeBlob(of: variant)?.id
      } catch {
        continue
      }
      let tipBlob = tipFiles[variant]
      let legacyBranchMoved = journal.references.isEmpty && tipBlob == change.newBlob
      if legacyBranchMoved, let tipBlob, file == change.oldBlob {
        // A journal from before journals named their references: the branch moved, the file did not.
        try AtomicFile.write(
          try bytes(ofBlob: tipBlob), to: workTreePath(of: variant),
          scratchDirectory: privateDirectory)
        staged.append((variant.fileName, true))
      } else if file == tipBlob {
        staged.append((variant.fileName, tipBlob != nil))
      }
    }
    try? repository.stageWorkTreeFiles(staged)
  }

  /// Whether `journal` describes a write biostore could have made in this store: each reference
  /// once, only the branch, engagement tags and kept ones under `refs/biostore/replaced/`, each new
  /// value an object of the right kind, and each file change the branch's new commit's own file.
  ///
  /// Anyone who can write `.git` can plant a journal; one that passes this can only finish a write
  /// that leaves the store as some commit of its own says, never move another branch or delete a
  /// file the new tip still holds.
  private func isConsistent(_ journal: WriteJournal) -> Bool {
    let names = journal.references.map(\.name)
    guard Set(names).count == names.count else { return false }
    var branchTip: ObjectID?
    for move in journal.references {
      let kind = try? repository.objectKind(move.new)
      if move.name == branch {
        guard kind == .commit else { return false }
        branchTip = move.new
      } else if move.name.hasPrefix(Store.engagementPrefix) {
        guard kind == .tag || kind == .commit else { return false }
      } else if move.name.hasPrefix("refs/biostore/replaced/") {
        guard kind != nil, move.old == nil else { return false }
      } else {
        return false
      }
    }
    // No references at all is a journal from before journals named them: only files, checked later.
    guard let branchTip else { return journal.references.isEmpty || journal.changes.isEmpty }
    guard let tipFiles = try? variantFiles(of: commit(branchTip)) else { return false }
    return journal.changes.allSatisfy { change in
      guard let variant = try? VariantName(change.variant) else { return false }
      return tipFiles[variant] == change.newBlob
    }
  }

  /// Removes lock files (relative to `.git`) that a dead writer left, after giving a live git process up to two seconds to let go of its own.
  ///
  /// git and libgit2 hold `index.lock` and a reference's `.lock` for milliseconds; one that stays
  /// two seconds while biostore holds the writer lock and a journal says a writer died is stale.
  private func clearStaleLocks(_ names: [String]) {
    let deadline = Date().addingTimeInterval(2)
    for name in names {
      let path = repository.gitDirectory + name
      var status = stat()
      while lstat(path, &status) == 0 {
        let age = Date().timeIntervalSince1970 - Double(status.st_mtim.tv_sec)
        if age >= 2 || Date() >= deadline {
          unlink(path)
          break
        }
        usleep(50_000)
      }
    }
  }
}

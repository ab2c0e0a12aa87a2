import Foundation
import Git

/// The journal that makes a write all or nothing, and the recovery that finishes or forgets what a dead writer left.
extension StoreWriter {
  /// Carries out a write whose objects exist: journal, the first reference (the point of no return), then everything else.
  ///
  /// Before the first reference moves, a failure is an error and nothing is recorded. After it, the
  /// write is recorded whatever happens next: what cannot be finished (another reference, a work-tree
  /// file, git's index) becomes a warning, and the journal is kept so the next command finishes it.
  ///
  /// Once recorded, the write goes into the write log for `undo` under `summary`, unless not
  /// `logged` (an undo, whose caller takes the entry it undid out instead).
  func record(_ journal: WriteJournal, summary: String, logged: Bool = true) throws(StoreError) {
    var journal = journal
    if logged { journal.summary = summary }
    guard let first = journal.references.first else { return }
    do {
      try journal.write(in: privateDirectory)
    } catch {
      throw error.beforeAnythingWasRecorded
    }
    let logMessage = "biostore: \(summary.prefix(while: { $0 != "\n" }))"
    do {
      try repository.updateReference(
        first.name, to: first.new, expecting: first.old, logMessage: logMessage)
    } catch {
      // A reference can move and its reflog still fail (a full disk): the reference is the truth.
      if (try? repository.referenceTarget(first.name)) == first.new {
        warn("recorded, but \(first.name)'s reflog could not be written (\(error.message))")
      } else {
        WriteJournal.remove(in: privateDirectory)
        if [.modified, .exists].contains(error.kind) { throw .concurrentUpdate }
        throw .notRecorded("cannot update \(first.name) in \(path) (\(error.message))")
      }
    }
    logRecorded(journal)
    if finish(journal, logMessage: logMessage) {
      WriteJournal.remove(in: privateDirectory)
    }
  }

  /// Adds a recorded write to the write log and cuts the history index back to the line's shared base after a rewrite; failures only cost `undo` this entry, or the next read time.
  func logRecorded(_ journal: WriteJournal) {
    if let summary = journal.summary {
      do {
        try WriteLog(directory: privateDirectory).append(WriteLog.Entry(journal, summary: summary))
      } catch {
        warn("recorded, but the write log for `biostore undo` could not be written (\(error))")
      }
    }
    if let base = journal.sharedBase,
      let branchMove = journal.references.first(where: { $0.name == branch }),
      let oldTip = branchMove.old
    {
      index.rewind(to: base, from: oldTip)
    }
  }

  /// Does what is left of a recorded write: the references after the first, the work-tree files and git's index; true when all of it is done.
  ///
  /// A work-tree file is replaced only while it holds the write's old or new text (or is missing);
  /// anything else is a person's edit, left alone with a warning.
  func finish(_ journal: WriteJournal, logMessage: String) -> Bool {
    var complete = true
    for move in journal.references.dropFirst() {
      let current = try? repository.referenceTarget(move.name)
      guard current != move.new else { continue }
      guard current == move.old else {
        warn("\(move.name) was changed by another tool meanwhile; left as it is")
        continue
      }
      do {
        try repository.updateReference(
          move.name, to: move.new, expecting: move.old, logMessage: logMessage)
      } catch {
        warn(unfinished: "\(move.name) could not be written (\(error.message))")
        complete = false
      }
    }
    for deletion in journal.deletions {
      do {
        try repository.deleteReference(deletion.name, expecting: deletion.old)
      } catch  where error.kind == .modified {
        warn("\(deletion.name) was changed by another tool meanwhile; left as it is")
      } catch {
        warn(unfinished: "\(deletion.name) could not be deleted (\(error.message))")
        complete = false
      }
    }
    var staged: [(path: String, exists: Bool)] = []
    for change in journal.changes {
      guard let variant = try? VariantName(change.variant) else { continue }
      let file: ObjectID?
      do {
        file = try workTree.file(of: variant)?.id
      } catch {
        warn("\(variant.fileName) in the work tree is not a regular file; left as it is")
        continue
      }
      guard file == nil || file == change.oldBlob || file == change.newBlob else {
        warn(
          "\(variant.fileName) in the work tree was edited meanwhile; left as it is (record it with `biostore save \(variant)`)"
        )
        continue
      }
      do {
        if let blob = change.newBlob {
          if file != blob {
            try AtomicFile.write(
              try mainLine.bytes(ofBlob: blob), to: workTree.path(of: variant),
              scratchDirectory: privateDirectory)
          }
        } else if file != nil {
          unlink(workTree.path(of: variant))
        }
        staged.append((variant.fileName, change.newBlob != nil))
      } catch {
        warn(unfinished: "\(variant.fileName) in the work tree could not be written (\(error))")
        complete = false
      }
    }
    do {
      try stageWithRetry(staged)
    } catch  where error.kind == .locked {
      warn(
        unfinished: "git's index could not be updated (another git process holds .git/index.lock)")
      complete = false
    } catch {
      warn(unfinished: "git's index could not be updated (\(error.message))")
      complete = false
    }
    return complete
  }

  /// Stages the files, retrying for up to a second while another git process (an editor's `git status`) holds the index lock.
  private func stageWithRetry(_ files: [(path: String, exists: Bool)]) throws(GitError) {
    guard !files.isEmpty else { return }
    let deadline = Date().addingTimeInterval(1)
    while true {
      do {
        return try repository.stageWorkTreeFiles(files)
      } catch  where error.kind == .locked && Date() < deadline {
        usleep(20_000)
      }
    }
  }

  /// Reports part of a recorded write that could not be done now and that the next command finishes.
  private func warn(unfinished what: String) {
    warn("recorded, but \(what); the next biostore command in this store finishes it")
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
      logRecorded(journal)
      if finish(journal, logMessage: "biostore: finish an interrupted write") {
        WriteJournal.remove(in: privateDirectory)
      }
      return
    }
    defer { WriteJournal.remove(in: privateDirectory) }
    let tipFiles = try mainLine.tipFiles()
    var staged: [(path: String, exists: Bool)] = []
    for change in journal.changes {
      guard let variant = try? VariantName(change.variant) else { continue }
      let file: ObjectID?
      do {
        file = try workTree.file(of: variant)?.id
      } catch {
        continue
      }
      let tipBlob = tipFiles[variant]
      let legacyBranchMoved = journal.references.isEmpty && tipBlob == change.newBlob
      if legacyBranchMoved, let tipBlob, file == change.oldBlob {
        // A journal from before journals named their references: the branch moved, the file did not.
        try AtomicFile.write(
          try mainLine.bytes(ofBlob: tipBlob), to: workTree.path(of: variant),
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
    // Only engagement tags are ever deleted, by an undo; never the branch or anything kept.
    guard journal.deletions.allSatisfy({ $0.name.hasPrefix(EngagementReader.prefix) }) else {
      return false
    }
    var branchTip: ObjectID?
    for move in journal.references {
      let kind = try? repository.objectKind(move.new)
      if move.name == branch {
        guard kind == .commit else { return false }
        branchTip = move.new
      } else if move.name.hasPrefix(EngagementReader.prefix) {
        guard kind == .tag || kind == .commit else { return false }
      } else if move.name.hasPrefix("refs/biostore/replaced/") {
        guard kind != nil, move.old == nil else { return false }
      } else {
        return false
      }
    }
    // No references at all is a journal from before journals named them: only files, checked later.
    guard let branchTip else { return journal.references.isEmpty || journal.changes.isEmpty }
    guard let tipFiles = try? mainLine.variantFiles(of: mainLine.commit(branchTip)) else {
      return false
    }
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

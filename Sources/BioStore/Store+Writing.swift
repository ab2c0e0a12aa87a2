import Foundation
import Git

extension Store {
  /// Runs `body` holding the writer lock, after finishing or forgetting whatever a writer that died left behind.
  ///
  /// Refuses first, writing nothing, when the checked-out files are not the branch's (a detached
  /// `HEAD`) or git is half-way through a merge, rebase or cherry-pick.
  func withWriterLock<T>(
    environment: [String: String], _ body: () throws(StoreError) -> T
  ) throws(StoreError) -> T {
    try checkWorkTreeIsOnBranch()
    // Again here, not only at open: a link can be planted while an editor is open.
    if let problem = Store.ownFolderProblem(in: repository.gitDirectory) { throw problem }
    let lock: WriterLock
    do {
      lock = try WriterLock(in: privateDirectory, timeout: WriterLock.timeout(from: environment))
    } catch {
      throw error.beforeAnythingWasRecorded
    }
    return try withExtendedLifetime(lock) { () throws(StoreError) -> T in
      try recoverFromDeadWriter()
      try keepVariantFilesVerbatim()
      return try body()
    }
  }

  /// Refuses a write when `HEAD` is detached or a git operation is in progress, since the work tree is then not the branch's.
  func checkWorkTreeIsOnBranch() throws(StoreError) {
    if let headNotABranch { throw .headNotABranch(path: path, target: headNotABranch) }
    if (try? repository.isHeadDetached()) == true {
      throw .detachedHead(path: path, branch: branch)
    }
    if let operation = repository.operationInProgress() {
      throw .operationInProgress(operation, path: path)
    }
  }

  /// Records `bytes` (nil: deletes the file) as the variant's file in one new commit on the branch, then brings the work tree and index in line.
  func commitFile(
    _ variant: VariantName, bytes: [UInt8]?, message: String, asOf: Timestamp, parent: Commit?,
    environment: [String: String]
  ) throws(StoreError) -> ObjectID {
    let commits = try commitVersions(
      [PendingVersion(variant: variant, bytes: bytes, message: message, asOf: asOf)],
      parent: parent, environment: environment)
    guard let commit = commits.last else { throw .storage("no commit was written") }
    return commit
  }

  /// Records `versions` in order as a chain of commits on `parent`, one per version, moving the branch once at the end (all or nothing), then brings the work tree and index in line.
  ///
  /// `tags` is given the new commits and returns tag references to move in the same transaction
  /// (their objects already written), so an import's engagements are recorded with its versions.
  /// Call under the writer lock.
  func commitVersions(
    _ versions: [PendingVersion], parent: Commit?, environment: [String: String],
    tags: ([ObjectID]) throws(StoreError) -> [WriteJournal.ReferenceMove] = { _ in [] }
  ) throws(StoreError) -> [ObjectID] {
    guard !versions.isEmpty else { return [] }
    let startFiles = try variantFiles(of: parent)
    var finalBytes: [VariantName: [UInt8]?] = [:]
    for version in versions {
      if let old = version.renamedFrom { finalBytes[old] = .some(nil) }
      finalBytes[version.variant] = version.bytes
    }
    var changes: [WriteJournal.FileChange] = []
    for (variant, bytes) in finalBytes.sorted(by: { $0.key < $1.key }) {
      changes.append(
        WriteJournal.FileChange(
          variant: variant.rawValue, oldBlob: startFiles[variant],
          newBlob: try bytes.map(blobID(of:))))
    }
    let commits = try writeCommits(versions, parent: parent, environment: environment)
    let branchMove = WriteJournal.ReferenceMove(
      name: branch, old: parent?.id, new: commits[commits.count - 1])
    try record(
      WriteJournal(changes: changes, references: [branchMove] + (try tags(commits))),
      summary: versions.count == 1 ? versions[0].message : "record \(versions.count) versions")
    // The index catches up on what was just committed; a failure there only costs the next read time.
    _ = try? index.current()
    return commits
  }

  /// Writes one commit per version, chained on `parent`, moving no reference.
  private func writeCommits(
    _ versions: [PendingVersion], parent: Commit?, environment: [String: String]
  ) throws(StoreError) -> [ObjectID] {
    try checkWriteable(versions)
    let identity = Identity.read(from: repository, environment: environment)
    let committer = identity.signature(at: .now())
    return try unrecorded { () throws(GitError) -> [ObjectID] in
      var commits: [ObjectID] = []
      var tree = parent?.treeID
      for version in versions {
        let blob = try version.bytes.map { bytes throws(GitError) in try repository.writeBlob(bytes)
        }
        var files: [String: ObjectID?] = [version.variant.fileName: blob]
        if let old = version.renamedFrom { files[old.fileName] = .some(nil) }
        let newTree = try repository.writeTree(base: tree, changes: files)
        let message = version.message.hasSuffix("\n") ? version.message : version.message + "\n"
        commits.append(
          try repository.createCommit(
            tree: newTree, parents: (commits.last ?? parent?.id).map { [$0] } ?? [],
            author: identity.signature(at: version.asOf), committer: committer, message: message))
        tree = newTree
      }
      return commits
    }
  }

  /// Refuses versions no commit can hold faithfully: a date outside 1970…9999, a message with a NUL.
  ///
  /// Checked where every writer passes (here and in `insertVersions`), because a period such as
  /// `--date 1970` starts at local midnight, which is before the epoch east of UTC, and import-git
  /// takes any source date.
  func checkWriteable(_ versions: [PendingVersion]) throws(StoreError) {
    if let outside = versions.first(where: { !DateInput.isInRange($0.asOf) }) {
      throw .dateOutOfRange(variant: outside.variant.rawValue, date: outside.asOf)
    }
    if let bad = versions.first(where: { $0.message.utf8.contains(0) }) {
      throw .nulInMessage(of: bad.variant.rawValue)
    }
  }

  /// Runs a libgit2 write that comes before the point of no return, so its failure means nothing was recorded.
  func unrecorded<T>(_ operation: () throws(GitError) -> T) throws(StoreError) -> T {
    do {
      return try operation()
    } catch {
      throw .notRecorded("cannot write to the store at \(path) (\(error.message))")
    }
  }

  /// Carries out a write whose objects exist: journal, the first reference (the point of no return), then everything else.
  ///
  /// Before the first reference moves, a failure is an error and nothing is recorded. After it, the
  /// write is recorded whatever happens next: what cannot be finished (another reference, a work-tree
  /// file, git's index) becomes a warning, and the journal is kept so the next command finishes it.
  func record(_ journal: WriteJournal, summary: String) throws(StoreError) {
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
    if finish(journal, logMessage: logMessage) {
      WriteJournal.remove(in: privateDirectory)
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
    var staged: [(path: String, exists: Bool)] = []
    for change in journal.changes {
      guard let variant = try? VariantName(change.variant) else { continue }
      let file: ObjectID?
      do {
        file = try workTreeBlob(of: variant)?.id
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
              try bytes(ofBlob: blob), to: workTreePath(of: variant),
              scratchDirectory: privateDirectory)
          }
        } else if file != nil {
          unlink(workTreePath(of: variant))
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

  /// The bytes and blob id of the variant's work-tree file as it stands, or nil when there is no file; refuses a link or anything but a regular file.
  func workTreeBlob(of variant: VariantName) throws(StoreError) -> (bytes: [UInt8], id: ObjectID)? {
    let path = workTreePath(of: variant)
    let bytes: [UInt8]?
    do {
      bytes = try UnfollowedFile.read(path, limit: VersionText.maximumBytes)
    } catch {
      throw StoreError(reading: path, error, limit: "4 MiB")
    }
    guard let bytes else { return nil }
    return (bytes, try blobID(of: bytes))
  }
}

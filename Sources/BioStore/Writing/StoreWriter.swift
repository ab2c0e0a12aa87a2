import Foundation
import Git

/// The one way a store is changed: made only from a held writer lock, it writes commits and tags, records each write in a journal before its first reference moves, finishes or forgets what a dead writer left, and keeps git's filters off variant files.
///
/// Each command's write is one `Store.withWriterLock` call whose body gets the writer: what the
/// body reads before it writes cannot change under it, since every other writer waits for the lock.
/// The journal and recovery are in `StoreWriter+Journal.swift`.
struct StoreWriter {
  /// The repository written to.
  let repository: Repository
  /// The branch's line, read through.
  let mainLine: MainLine
  /// The history index, caught up after each write.
  let index: HistoryIndex
  /// The checked-out files, kept in line with each write.
  let workTree: WorkTree
  /// Whom commits and tags are recorded under.
  let identity: Identity
  /// Where each warning for the person goes.
  let warn: (String) -> Void
  /// The lock this writer holds for as long as it exists.
  private let lock: WriterLock

  /// The writer for `store`, which only the holder of its writer lock can make.
  init(of store: Store, holding lock: WriterLock) {
    repository = store.repository
    mainLine = store.mainLine
    index = store.index
    workTree = store.workTree
    var identity = Identity.read(from: store.repository, user: store.settings.user)
    identity.recordedAt = store.settings.recordedAt
    self.identity = identity
    warn = store.onWarning
    self.lock = lock
  }

  /// The branch written.
  var branch: String { mainLine.branch }
  /// The store's work tree, for messages.
  var path: String { workTree.path }
  /// Where the journal and locks live: `.git/biostore`.
  var privateDirectory: String { repository.gitDirectory + "biostore" }

  /// Records `bytes` (nil: deletes the file) as the variant's file in one new commit on the branch, then brings the work tree and index in line.
  func commitFile(
    _ variant: VariantName, bytes: [UInt8]?, message: String, asOf: Timestamp, parent: Commit?,
    summary: String? = nil
  ) throws(StoreError) -> ObjectID {
    let commits = try commitVersions(
      [PendingVersion(variant: variant, bytes: bytes, message: message, asOf: asOf)],
      parent: parent, summary: summary)
    guard let commit = commits.last else { throw .storage("no commit was written") }
    return commit
  }

  /// Records `versions` in order as a chain of commits on `parent`, one per version, moving the branch once at the end (all or nothing), then brings the work tree and index in line.
  ///
  /// `tags` is given the new commits and returns tag references to move in the same transaction
  /// (their objects already written), so an import's engagements are recorded with its versions.
  /// `summary` is what the write log (and `undo`) calls the write; by default the one commit's
  /// message, or the number of versions. Call under the writer lock.
  func commitVersions(
    _ versions: [PendingVersion], parent: Commit?, summary: String? = nil,
    tags: ([ObjectID]) throws(StoreError) -> [WriteJournal.ReferenceMove] = { _ in [] }
  ) throws(StoreError) -> [ObjectID] {
    guard !versions.isEmpty else { return [] }
    let startFiles = try mainLine.variantFiles(of: parent)
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
          newBlob: try bytes.map(mainLine.blobID(of:))))
    }
    let commits = try writeCommits(versions, parent: parent)
    let branchMove = WriteJournal.ReferenceMove(
      name: branch, old: parent?.id, new: commits[commits.count - 1])
    try record(
      WriteJournal(changes: changes, references: [branchMove] + (try tags(commits))),
      summary: summary
        ?? (versions.count == 1 ? versions[0].message : "record \(versions.count) versions"))
    // The index catches up on what was just committed; a failure there only costs the next read time.
    _ = try? index.current()
    return commits
  }

  /// Writes one commit per version, chained on `parent`, moving no reference.
  private func writeCommits(
    _ versions: [PendingVersion], parent: Commit?
  ) throws(StoreError) -> [ObjectID] {
    try checkWriteable(versions)
    let committer = identity.signatureNow()
    return try unrecorded { () throws(GitError) -> [ObjectID] in
      // Many versions (an import) are written as one packfile, as git fast-import writes them;
      // a save's few objects stay loose, as `git commit` leaves them.
      guard versions.count >= StoreWriter.packedWriteThreshold else {
        return try writeCommits(versions, parent: parent, committer: committer, into: repository)
      }
      return try repository.writingOnePack { (batch) throws(GitError) in
        try writeCommits(versions, parent: parent, committer: committer, into: batch)
      }
    }
  }

  /// How many versions a write needs before its objects go into one packfile: three objects each, so a pack of 96 or more, near `git receive-pack`'s unpack limit of 100.
  static let packedWriteThreshold = 32

  /// Writes one commit per version through `repository`, chained on `parent`.
  private func writeCommits(
    _ versions: [PendingVersion], parent: Commit?, committer: Signature, into repository: Repository
  ) throws(GitError) -> [ObjectID] {
    var commits: [ObjectID] = []
    var tree = parent?.treeID
    for version in versions {
      let blob = try version.bytes.map { bytes throws(GitError) in try repository.writeBlob(bytes) }
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

  /// Writes an annotated tag object for engagement `name` on `target`, moving no reference; `tagger` defaults to this writer's identity now.
  func writeTag(
    _ name: EngagementName, on target: ObjectID, message: String, tagger: Signature? = nil
  ) throws(StoreError) -> ObjectID {
    let tagger = tagger ?? identity.signatureNow()
    return try unrecorded { () throws(GitError) in
      try repository.createTag(name: name.tagName, target: target, tagger: tagger, message: message)
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
}

extension Store {
  /// Runs `body` holding the writer lock, after finishing or forgetting whatever a writer that died left behind.
  ///
  /// Refuses first, writing nothing, when the checked-out files are not the branch's (a detached
  /// `HEAD`) or git is half-way through a merge, rebase or cherry-pick.
  func withWriterLock<T>(_ body: (StoreWriter) throws(StoreError) -> T) throws(StoreError) -> T {
    try checkWorkTreeIsOnBranch()
    // Again here, not only at open: a link can be planted while an editor is open.
    if let problem = Store.ownFolderProblem(in: repository.gitDirectory) { throw problem }
    let lock: WriterLock
    do {
      lock = try WriterLock(in: privateDirectory, timeout: settings.lockTimeout)
    } catch {
      throw error.beforeAnythingWasRecorded
    }
    let writer = StoreWriter(of: self, holding: lock)
    // A store made before `init` marked stores is marked at its first write.
    if (try? repository.localConfigString(Store.markKey)) != "true" {
      try? repository.setLocalConfigString(Store.markKey, to: "true")
    }
    try writer.recoverFromDeadWriter()
    try writer.keepVariantFilesVerbatim()
    return try body(writer)
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
    do {
      try StoreWriter(of: self, holding: lock).recoverFromDeadWriter()
    } catch {
      warn("an earlier write could not be finished yet (\(error))")
    }
  }
}

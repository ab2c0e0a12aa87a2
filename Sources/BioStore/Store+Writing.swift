import Foundation
import Git

extension Store {
  /// Runs `body` holding the writer lock, after finishing or undoing whatever a crashed writer left behind.
  func withWriterLock<T>(
    environment: [String: String], _ body: () throws(StoreError) -> T
  ) throws(StoreError) -> T {
    let lock = try WriterLock(in: privateDirectory, timeout: WriterLock.timeout(from: environment))
    return try withExtendedLifetime(lock) { () throws(StoreError) -> T in
      try recoverFromCrashedWriter()
      return try body()
    }
  }

  /// Records `bytes` (nil: deletes the file) as the variant's file in one new commit on the branch, then brings the work tree and index in line.
  ///
  /// Call under the writer lock. Order matters for crash safety: journal, objects, compare-and-swap of
  /// the branch, work-tree file, index, and only then is the journal removed.
  func commitFile(
    _ variant: VariantName, bytes: [UInt8]?, message: String, asOf: Timestamp,
    parent: Commit?, oldBlob: ObjectID?, environment: [String: String]
  ) throws(StoreError) -> ObjectID {
    let newBlob = try bytes.map(blobID(of:))
    try WriteJournal(variant: variant.rawValue, oldBlob: oldBlob, newBlob: newBlob)
      .write(in: privateDirectory)
    let identity = Identity.read(from: repository, environment: environment)
    let commitID = try storage { () throws(GitError) -> ObjectID in
      let blob = try bytes.map { bytes throws(GitError) in try repository.writeBlob(bytes) }
      let tree = try repository.writeTree(
        base: parent?.treeID, changes: [variant.fileName: blob])
      return try repository.createCommit(
        tree: tree, parents: parent.map { [$0.id] } ?? [],
        author: identity.signature(at: asOf), committer: identity.signature(at: .now()),
        message: message.hasSuffix("\n") ? message : message + "\n")
    }
    do {
      try repository.updateReference(
        branch, to: commitID, expecting: parent?.id,
        logMessage: "biostore: \(message.prefix(while: { $0 != "\n" }))")
    } catch  where [.modified, .exists, .locked].contains(error.kind) {
      WriteJournal.remove(in: privateDirectory)
      throw .concurrentUpdate
    } catch {
      WriteJournal.remove(in: privateDirectory)
      throw .storage("cannot update \(branch) in \(path) (\(error.message))")
    }
    try placeInWorkTree(variant, bytes: bytes)
    WriteJournal.remove(in: privateDirectory)
    return commitID
  }

  /// Writes (or deletes) the variant's work-tree file and stages it, so `git status` stays clean.
  func placeInWorkTree(_ variant: VariantName, bytes: [UInt8]?) throws(StoreError) {
    let file = workTreePath(of: variant)
    if let bytes {
      try AtomicFile.write(bytes, to: file, scratchDirectory: privateDirectory)
    } else {
      unlink(file)
    }
    try storage { () throws(GitError) in
      try repository.stageWorkTreeFile(variant.fileName, exists: bytes != nil)
    }
  }

  /// The blob id of the variant's work-tree file as it stands, or nil when there is no file.
  func workTreeBlob(of variant: VariantName) throws(StoreError) -> (bytes: [UInt8], id: ObjectID)? {
    guard let data = FileManager.default.contents(atPath: workTreePath(of: variant)) else {
      return nil
    }
    let bytes = Array(data)
    return (bytes, try blobID(of: bytes))
  }

  /// Finishes the work tree of a writer that died after moving the branch, clearing the lock files it left.
  ///
  /// Only a file that still holds the journal's old or new text is touched: anything else is a person's
  /// edit. A file holding the new text while the branch still has the old is a hand edit whose save died
  /// before it was recorded, so it is left for the person to save again.
  private func recoverFromCrashedWriter() throws(StoreError) {
    let journalPath = WriteJournal.path(in: privateDirectory)
    guard FileManager.default.fileExists(atPath: journalPath) else { return }
    defer { WriteJournal.remove(in: privateDirectory) }
    for stale in ["index.lock", branch + ".lock"] {
      unlink(repository.gitDirectory + stale)
    }
    guard let journal = WriteJournal.read(in: privateDirectory),
      let variant = try? VariantName(journal.variant)
    else { return }
    let tipBlob = try variantFiles(of: tipCommit())[variant]
    let fileBlob = try workTreeBlob(of: variant)?.id
    let branchMoved = tipBlob == journal.newBlob
    if branchMoved, fileBlob == journal.oldBlob || fileBlob == journal.newBlob {
      try placeInWorkTree(variant, bytes: try tipBlob.map(bytes(ofBlob:)))
    } else if fileBlob == tipBlob {
      try placeInWorkTree(variant, bytes: try workTreeBlob(of: variant)?.bytes)
    }
  }
}

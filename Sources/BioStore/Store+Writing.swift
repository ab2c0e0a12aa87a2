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
  /// Call under the writer lock. Order matters for crash safety: journal, objects, compare-and-swap of
  /// the branch, work-tree files, index, and only then is the journal removed.
  func commitVersions(
    _ versions: [PendingVersion], parent: Commit?, environment: [String: String]
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
    try WriteJournal(changes: changes).write(in: privateDirectory)
    let identity = Identity.read(from: repository, environment: environment)
    let committer = identity.signature(at: .now())
    let commits = try storage { () throws(GitError) -> [ObjectID] in
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
    do {
      let summary = versions.count == 1 ? versions[0].message : "record \(versions.count) versions"
      try repository.updateReference(
        branch, to: commits[commits.count - 1], expecting: parent?.id,
        logMessage: "biostore: \(summary.prefix(while: { $0 != "\n" }))")
    } catch  where [.modified, .exists, .locked].contains(error.kind) {
      WriteJournal.remove(in: privateDirectory)
      throw .concurrentUpdate
    } catch {
      WriteJournal.remove(in: privateDirectory)
      throw .storage("cannot update \(branch) in \(path) (\(error.message))")
    }
    for (variant, bytes) in finalBytes { try placeInWorkTree(variant, bytes: bytes) }
    WriteJournal.remove(in: privateDirectory)
    appendToIndex(versions, commits: commits, parent: parent, startFiles: startFiles)
    return commits
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
    guard let journal = WriteJournal.read(in: privateDirectory) else { return }
    let tipFiles = try variantFiles(of: tipCommit())
    for change in journal.changes {
      guard let variant = try? VariantName(change.variant) else { continue }
      let tipBlob = tipFiles[variant]
      let fileBlob = try workTreeBlob(of: variant)?.id
      let branchMoved = tipBlob == change.newBlob
      if branchMoved, fileBlob == change.oldBlob || fileBlob == change.newBlob {
        try placeInWorkTree(variant, bytes: try tipBlob.map(bytes(ofBlob:)))
      } else if fileBlob == tipBlob {
        try placeInWorkTree(variant, bytes: try workTreeBlob(of: variant)?.bytes)
      }
    }
  }
}

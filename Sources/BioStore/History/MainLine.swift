import Git

/// The branch's first-parent line in the store's repository, read through libgit2: its tip, its commits, their variant files and texts, and a walk from the tip back.
///
/// Every read error becomes a `StoreError` that names the store, so the layers above never see
/// libgit2's errors.
struct MainLine {
  /// The repository.
  let repository: Repository
  /// The branch biostore reads and writes.
  let branch: String
  /// The store's work tree, for messages.
  let storePath: String

  /// The commit the branch points at, or nil before the first save.
  func tip() throws(StoreError) -> ObjectID? {
    try storage { () throws(GitError) in try repository.referenceTarget(branch) }
  }

  /// The commit `id`.
  func commit(_ id: ObjectID) throws(StoreError) -> Commit {
    try storage { () throws(GitError) in try repository.commit(id) }
  }

  /// The commit `id`, or nil when the repository does not have it.
  func commitIfPresent(_ id: ObjectID) throws(StoreError) -> Commit? {
    do {
      return try repository.commit(id)
    } catch  where error.kind == .notFound {
      return nil
    } catch {
      throw storageError(error)
    }
  }

  /// The variant files in a commit's tree (none for no commit).
  func variantFiles(of commit: Commit?) throws(StoreError) -> [VariantName: ObjectID] {
    guard let commit else { return [:] }
    return try storage { () throws(GitError) in try variantFiles(inTree: commit.treeID) }
  }

  /// The variant files in the branch tip.
  func tipFiles() throws(StoreError) -> [VariantName: ObjectID] {
    try variantFiles(of: tip().map(commit))
  }

  /// The bytes of a stored blob.
  func bytes(ofBlob id: ObjectID) throws(StoreError) -> [UInt8] {
    try storage { () throws(GitError) in try repository.blob(id) }
  }

  /// The blob id `bytes` would be stored under.
  func blobID(of bytes: [UInt8]) throws(StoreError) -> ObjectID {
    try storage { () throws(GitError) in try Repository.blobID(of: bytes) }
  }

  /// Calls `body` for each commit from the tip (or `start`) back along first parents, with the variant files it changed, until it returns false or the root is reached.
  ///
  /// libgit2 has no path-limited walk, so this merges each commit's root tree with its parent's
  /// (`Repository.changes`), copying out only the entries that differ.
  func walk(from start: ObjectID? = nil, _ body: (MainLineStep) -> Bool) throws(StoreError) {
    let first: ObjectID? = if let start { start } else { try tip() }
    guard let tip = first else { return }
    try storage { () throws(GitError) in
      var commit = try repository.commit(tip)
      var lineIndex = 0
      while true {
        let parent = try commit.parentIDs.first.map { (id) throws(GitError) in
          try repository.commit(id)
        }
        let changes =
          parent?.treeID == commit.treeID
          ? [] : try variantChanges(from: parent?.treeID, to: commit.treeID)
        let step = MainLineStep(commit: commit, lineIndex: lineIndex, changes: changes)
        guard body(step), let parent else { return }
        commit = parent
        lineIndex += 1
      }
    }
  }

  /// The one commit whose id starts with `prefix` (7 to 40 hex digits).
  func commit(prefix: String) throws(StoreError) -> Commit {
    guard (7...40).contains(prefix.utf8.count), prefix.utf8.allSatisfy(\.isLowerHexDigit) else {
      throw .unknownCommit(prefix, ambiguous: false)
    }
    do {
      return try repository.commit(repository.commitID(prefix: prefix))
    } catch  where error.kind == .ambiguous {
      throw .unknownCommit(prefix, ambiguous: true)
    } catch  where error.kind == .notFound {
      throw .unknownCommit(prefix, ambiguous: false)
    } catch {
      throw .storage("cannot look up commit \(prefix) (\(error.message))")
    }
  }

  /// Runs a libgit2 operation, turning its failure into a `StoreError` the CLI can print.
  func storage<T>(_ operation: () throws(GitError) -> T) throws(StoreError) -> T {
    do {
      return try operation()
    } catch {
      throw storageError(error)
    }
  }

  private func storageError(_ error: GitError) -> StoreError {
    .storage(
      "the store at \(storePath) could not be read or written (\(error.message)); check it with `git fsck`"
    )
  }

  /// The variant files at the root of a tree, by variant.
  private func variantFiles(inTree treeID: ObjectID) throws(GitError) -> [VariantName: ObjectID] {
    var files: [VariantName: ObjectID] = [:]
    for entry in try repository.treeEntries(treeID) where entry.isFile {
      if let variant = VariantName.fromFileName(entry.name) { files[variant] = entry.id }
    }
    return files
  }

  /// The variant files that differ between two trees (nil: an empty one), sorted by variant: only entries that changed are looked at.
  private func variantChanges(from oldTree: ObjectID?, to newTree: ObjectID) throws(GitError)
    -> [VariantChange]
  {
    var changes: [VariantChange] = []
    for change in try repository.changes(from: oldTree, to: newTree) {
      // A name that is a variant file on one side only (a folder on the other) is added or deleted.
      func blob(_ entry: TreeEntry?) -> (VariantName, ObjectID)? {
        guard let entry, entry.isFile, let variant = VariantName.fromFileName(entry.name) else {
          return nil
        }
        return (variant, entry.id)
      }
      let (before, after) = (blob(change.old), blob(change.new))
      guard let variant = after?.0 ?? before?.0, before?.1 != after?.1 else { continue }
      changes.append(VariantChange(variant: variant, oldBlob: before?.1, newBlob: after?.1))
    }
    return changes.sorted { $0.variant < $1.variant }
  }
}

extension UInt8 {
  /// Whether the byte is a digit of a commit id as git writes it: `0`–`9` or `a`–`f`.
  var isLowerHexDigit: Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
  }
}

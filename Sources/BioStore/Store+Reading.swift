import Git

extension Store {
  /// The commit the branch points at, or nil before the first save.
  func tipCommit() throws(StoreError) -> Commit? {
    guard let id = try tip() else { return nil }
    return try commit(id)
  }

  /// The commit `id`.
  func commit(_ id: ObjectID) throws(StoreError) -> Commit {
    try storage { () throws(GitError) in try repository.commit(id) }
  }

  /// The variant files in a commit's tree (none for no commit).
  func variantFiles(of commit: Commit?) throws(StoreError) -> [VariantName: ObjectID] {
    guard let commit else { return [:] }
    return try storage { () throws(GitError) in
      try MainLineWalk(repository: repository, tip: nil).variantFiles(inTree: commit.treeID)
    }
  }

  /// The bytes of a stored blob.
  func bytes(ofBlob id: ObjectID) throws(StoreError) -> [UInt8] {
    try storage { () throws(GitError) in try repository.blob(id) }
  }

  /// The blob id `bytes` would be stored under.
  func blobID(of bytes: [UInt8]) throws(StoreError) -> ObjectID {
    try storage { () throws(GitError) in try Repository.blobID(of: bytes) }
  }

  /// The text of a version; bytes that are not UTF-8 (a file stock git stored) read as U+FFFD.
  public func text(of version: Version) throws(StoreError) -> String {
    String(decoding: try bytes(of: version), as: UTF8.self)
  }

  /// The bytes of a version's file exactly as the store holds them.
  public func bytes(of version: Version) throws(StoreError) -> [UInt8] {
    try bytes(ofBlob: version.blobID)
  }

  /// Walks the branch's first-parent line from the tip, calling `body` for each commit until it returns false.
  func walkMainLine(_ body: (MainLineStep) -> Bool) throws(StoreError) {
    let tip = try tip()
    try storage { () throws(GitError) in
      try MainLineWalk(repository: repository, tip: tip).forEach(body)
    }
  }
}

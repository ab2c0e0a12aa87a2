import Git

extension Store {
  /// The commit the branch points at, or nil before the first save.
  func tip() throws(StoreError) -> ObjectID? {
    try mainLine.tip()
  }

  /// The commit the branch points at, or nil before the first save.
  func tipCommit() throws(StoreError) -> Commit? {
    guard let id = try tip() else { return nil }
    return try commit(id)
  }

  /// The commit `id`.
  func commit(_ id: ObjectID) throws(StoreError) -> Commit {
    try mainLine.commit(id)
  }

  /// The variant files in a commit's tree (none for no commit).
  func variantFiles(of commit: Commit?) throws(StoreError) -> [VariantName: ObjectID] {
    try mainLine.variantFiles(of: commit)
  }

  /// The bytes of a stored blob.
  func bytes(ofBlob id: ObjectID) throws(StoreError) -> [UInt8] {
    try mainLine.bytes(ofBlob: id)
  }

  /// The blob id `bytes` would be stored under.
  func blobID(of bytes: [UInt8]) throws(StoreError) -> ObjectID {
    try mainLine.blobID(of: bytes)
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
    try mainLine.walk(body)
  }

  /// Runs a libgit2 operation, turning its failure into a `StoreError` the CLI can print.
  func storage<T>(_ operation: () throws(GitError) -> T) throws(StoreError) -> T {
    try mainLine.storage(operation)
  }
}

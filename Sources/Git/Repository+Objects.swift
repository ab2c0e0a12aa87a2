internal import Clibgit2

extension Repository {
  /// Reads the commit `id`, copying it out as a value.
  ///
  /// Wraps `git_commit_lookup`.
  public func commit(_ id: ObjectID) throws(GitError) -> Commit {
    var oid = id.oid
    var commit: OpaquePointer?
    try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
    defer { git_commit_free(commit) }
    let parentCount = git_commit_parentcount(commit)
    return Commit(
      id: id,
      treeID: ObjectID(git_commit_tree_id(commit).pointee),
      parentIDs: (0..<parentCount).map { ObjectID(git_commit_parent_id(commit, $0).pointee) },
      author: Signature(git_commit_author(commit)),
      committer: Signature(git_commit_committer(commit)),
      message: String(cString: git_commit_message(commit)))
  }

  /// The id of the one commit whose id starts with `prefix` (4 to 40 hex digits).
  ///
  /// Wraps `git_object_lookup_prefix`; throws `.ambiguous` or `.notFound`.
  public func commitID(prefix: String) throws(GitError) -> ObjectID {
    let padded = prefix + String(repeating: "0", count: max(0, 40 - prefix.utf8.count))
    var oid = git_oid()
    try check(git_oid_fromstrn(&oid, padded, 40), "git_oid_fromstrn")
    var object: OpaquePointer?
    try check(
      git_object_lookup_prefix(&object, pointer, &oid, prefix.utf8.count, GIT_OBJECT_COMMIT),
      "git_object_lookup_prefix")
    defer { git_object_free(object) }
    return ObjectID(git_object_id(object).pointee)
  }

  /// The entries of the tree `id`, in git's order.
  ///
  /// Wraps `git_tree_lookup` and `git_tree_entry_byindex` (whose entries are borrowed from the tree).
  public func treeEntries(_ id: ObjectID) throws(GitError) -> [TreeEntry] {
    var oid = id.oid
    var tree: OpaquePointer?
    try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
    defer { git_tree_free(tree) }
    return (0..<git_tree_entrycount(tree)).map { TreeEntry(git_tree_entry_byindex(tree, $0)!) }
  }

  /// The bytes of the blob `id`.
  ///
  /// Wraps `git_blob_lookup`.
  public func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
    var oid = id.oid
    var blob: OpaquePointer?
    try check(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup")
    defer { git_blob_free(blob) }
    let size = Int(git_blob_rawsize(blob))
    guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
    return Array(UnsafeRawBufferPointer(start: raw, count: size))
  }

  /// Stores `bytes` as a blob and returns its id.
  public func writeBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
    try writeObject(bytes, kind: GIT_OBJECT_BLOB)
  }

  /// The id `bytes` would have as a blob, without storing anything.
  ///
  /// Wraps `git_odb_hash`.
  public static func blobID(of bytes: [UInt8]) throws(GitError) -> ObjectID {
    GitLibrary.initialize()
    return try hash(bytes, kind: GIT_OBJECT_BLOB)
  }

  /// The id `bytes` have as an object of `kind`.
  static func hash(_ bytes: [UInt8], kind: git_object_t) throws(GitError) -> ObjectID {
    var oid = git_oid()
    try check(
      bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, kind) },
      "git_odb_hash")
    return ObjectID(oid)
  }

  /// Writes a tree that is `base` (or an empty tree) with the file entries in `changes` set to a blob, or removed where the blob is nil.
  ///
  /// The tree is formatted here (see `TreeFormat`) rather than by libgit2's tree builder, so a
  /// write of thousands of trees in `writingOnePack` goes straight to memory. Names in `changes`
  /// are single path parts; the base's own entries are kept byte for byte, whatever their names.
  public func writeTree(base: ObjectID?, changes: [String: ObjectID?]) throws(GitError) -> ObjectID
  {
    var entries = try base.map { (id) throws(GitError) in try rawTreeEntries(id) } ?? []
    for (name, blob) in changes {
      let key = Array(name.utf8)
      guard TreeFormat.isValidName(key) else {
        throw GitError(
          code: GIT_EINVALIDSPEC.rawValue, message: "\(name) cannot be a file name in a tree",
          function: "git_treebuilder_insert")
      }
      entries.removeAll { $0.name == key }
      if let blob {
        entries.append(TreeFormat.Entry(name: key, mode: 0o100644, id: blob))
        packedWrites?.names[blob] = name
      }
    }
    return try writeObject(TreeFormat.bytes(of: entries), kind: GIT_OBJECT_TREE)
  }

  /// The entries of the tree `id` with their names as raw bytes, which need not be UTF-8.
  private func rawTreeEntries(_ id: ObjectID) throws(GitError) -> [TreeFormat.Entry] {
    var oid = id.oid
    var tree: OpaquePointer?
    try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
    defer { git_tree_free(tree) }
    return (0..<git_tree_entrycount(tree)).map { index in
      let entry = git_tree_entry_byindex(tree, index)
      let name = git_tree_entry_name(entry)!
      var length = 0
      while name[length] != 0 { length += 1 }
      return TreeFormat.Entry(
        name: Array(UnsafeRawBufferPointer(start: name, count: length)),
        mode: git_tree_entry_filemode_raw(entry).rawValue,
        id: ObjectID(git_tree_entry_id(entry).pointee))
    }
  }

  /// Writes a commit of `tree` with `parents` and returns its id, moving no reference.
  ///
  /// The object is formatted here, as `git_commit_create` would with encoding UTF-8, and stored
  /// with `git_odb_write`: libgit2's own writer cuts dates to 32 bits (see `Signature.headerValue`).
  /// The tree and parents are looked up first so a commit never names a missing object.
  public func createCommit(
    tree treeID: ObjectID, parents parentIDs: [ObjectID], author: Signature,
    committer: Signature, message: String
  ) throws(GitError) -> ObjectID {
    try requireObject(treeID, of: .tree)
    for parentID in parentIDs { try requireObject(parentID, of: .commit) }
    var text = "tree \(treeID)\n"
    for parentID in parentIDs { text += "parent \(parentID)\n" }
    text += "author \(try author.checkedHeaderValue())\n"
    text += "committer \(try committer.checkedHeaderValue())\n"
    text += "encoding UTF-8\n\n\(message)"
    return try writeObject(Array(text.utf8), kind: GIT_OBJECT_COMMIT)
  }

  /// Throws unless `id` names an object of `kind`, without copying it out, as `git_commit_create` checks its tree and parents.
  func requireObject(_ id: ObjectID, of kind: ObjectKind) throws(GitError) {
    guard try objectKind(id) == kind else {
      throw GitError(
        code: GIT_EINVALIDSPEC.rawValue, message: "\(id) is not a \(kind)",
        function: "git_object_lookup")
    }
  }

  /// Stores `bytes` as an object of `kind` and returns its id.
  ///
  /// Wraps `git_odb_write`; inside `writingOnePack` the object goes straight to the in-memory
  /// backend instead, skipping the existence check that costs a scan of `objects/pack` for every
  /// new object (an object already on disk is then in the pack too, which git allows).
  func writeObject(_ bytes: [UInt8], kind: git_object_t) throws(GitError) -> ObjectID {
    if let memory = packedWrites?.backend {
      var oid = try Repository.hash(bytes, kind: kind).oid
      try check(
        bytes.withUnsafeBytes {
          memory.pointee.write(memory, &oid, $0.baseAddress, $0.count, kind)
        },
        "git_odb_backend write")
      packedWrites?.objects.append(oid)
      return ObjectID(oid)
    }
    var database: OpaquePointer?
    try check(git_repository_odb(&database, pointer), "git_repository_odb")
    defer { git_odb_free(database) }
    var oid = git_oid()
    try check(
      bytes.withUnsafeBytes { git_odb_write(&oid, database, $0.baseAddress, $0.count, kind) },
      "git_odb_write")
    return ObjectID(oid)
  }
}

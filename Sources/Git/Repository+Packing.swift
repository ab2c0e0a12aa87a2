internal import Clibgit2

extension Repository {
  /// Runs `body` on a second handle of this repository whose object writes are held in memory, then stores them as one packfile with its index.
  ///
  /// A write of thousands of objects (an import) is then two files rather than thousands of
  /// loose ones, as `git fast-import` writes. The pack is complete, indexed and renamed into
  /// `objects/pack` before this returns, so a reference may point into it at once; when `body`
  /// throws nothing is stored. An object written that the repository had already is in the pack
  /// as well, which git allows. Wraps `git_mempack_new`, `git_packbuilder_insert`,
  /// `git_packbuilder_write_buf` (which finds the deltas) and `git_odb_write_pack` (which indexes
  /// the pack and moves it beside the others).
  public func writingOnePack<T>(_ body: (Repository) throws(GitError) -> T) throws(GitError) -> T {
    let handle = try Repository(openingAt: gitDirectory)
    // The pack builder keeps a bare pointer to the handle's repository (for its tag walk in
    // `git_packbuilder_write_buf`), so the handle must outlive it and every other libgit2 value
    // below: this runs last, after their own clean-up.
    defer { withExtendedLifetime(handle) {} }
    var database: OpaquePointer?
    try check(git_repository_odb(&database, handle.pointer), "git_repository_odb")
    defer { git_odb_free(database) }
    var memory: UnsafeMutablePointer<git_odb_backend>?
    try check(git_mempack_new(&memory), "git_mempack_new")
    // The highest priority, so every write of this handle lands in memory; reads still fall
    // through to the repository's own packs and loose objects.
    let added = git_odb_add_backend(database, memory, 1000)
    // Until it is added, the backend is ours to free.
    if added < 0 { memory?.pointee.free(memory) }
    try check(added, "git_odb_add_backend")
    handle.packedWrites = PackedWrites(backend: memory!)
    let result = try body(handle)
    guard let written = handle.packedWrites, !written.objects.isEmpty else { return result }
    // Exactly the objects written, not everything their trees name (which `git_mempack_dump`
    // would add): a store's older blobs are in its packs already.
    var builder: OpaquePointer?
    try check(git_packbuilder_new(&builder, handle.pointer), "git_packbuilder_new")
    defer { git_packbuilder_free(builder) }
    // The delta search on every core, as `git pack-objects` does by default.
    git_packbuilder_set_threads(builder, 0)
    for var id in written.objects {
      // A blob's file name lets the delta search pair the versions of one file, as git's does.
      let name = written.names[ObjectID(id)]
      try check(git_packbuilder_insert(builder, &id, name), "git_packbuilder_insert")
    }
    // Built in memory and handed to the indexer in one piece: `git_packbuilder_write` feeds it
    // object by object, four system calls each.
    var pack = git_buf()
    defer { git_buf_dispose(&pack) }
    try check(git_packbuilder_write_buf(&pack, builder), "git_packbuilder_write_buf")
    var writer: UnsafeMutablePointer<git_odb_writepack>?
    try check(git_odb_write_pack(&writer, database, nil, nil), "git_odb_write_pack")
    defer { biostore_git_writepack_free(writer) }
    var progress = git_indexer_progress()
    try check(
      biostore_git_writepack_append(writer, pack.ptr, pack.size, &progress),
      "git_odb_writepack append")
    try check(biostore_git_writepack_commit(writer, &progress), "git_odb_writepack commit")
    git_mempack_reset(memory)
    return result
  }
}

/// What a handle inside `writingOnePack` writes to and has written.
struct PackedWrites {
  /// The in-memory backend every object goes to.
  let backend: UnsafeMutablePointer<git_odb_backend>
  /// The objects written, in the order written.
  var objects: [git_oid] = []
  /// The file name each blob written was given in a tree, which guides the pack's delta search.
  var names: [ObjectID: String] = [:]
}

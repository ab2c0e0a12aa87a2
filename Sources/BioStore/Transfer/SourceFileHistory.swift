import Git

/// The commits of a source repository that change one file, found the way `git log -- PATH` finds them, with renames followed as `--follow` follows them.
///
/// This is git's default history simplification, walked over every parent: a commit is listed
/// when its file differs from each parent's (a file absent on both sides is the same), so an edit
/// made on a merge's side branch (a web edit, then `git pull`) is listed with its own date, a
/// merge that combines both sides is listed, and a merge that takes one side's file unchanged is
/// not. From a commit whose file equals a parent's, only that parent is walked on, so an edit a
/// merge threw away (`-s ours`) is not listed, as in `git log`.
struct SourceFileHistory {
  /// One listed commit: its file at the path it had there, and each walked parent's file.
  struct Revision {
    let commit: Commit
    let path: String
    let blob: ObjectID
    /// The blob at the file's path (or where it came from) in each parent, nil where it had none.
    let parentBlobs: [ObjectID?]
  }

  /// The listed commits, in no particular order.
  let revisions: [Revision]

  /// Walks every commit reachable from `head` in `repository` that git's simplification keeps for `path`.
  init(
    of path: String, from head: ObjectID, in repository: Repository, following: GitImportFollowing
  )
    throws(GitError)
  {
    var revisions: [Revision] = []
    // Each commit is walked once, with the path its file had when it was first reached.
    var pathAt: [ObjectID: String] = [head: path]
    var queue = [head]
    var next = 0
    // A parent read to compare with its child is kept until it is walked itself.
    var read: [ObjectID: Commit] = [:]
    func load(_ id: ObjectID) throws(GitError) -> Commit {
      if let known = read[id] { return known }
      let loaded = try repository.commit(id)
      read[id] = loaded
      return loaded
    }
    while next < queue.count {
      let id = queue[next]
      next += 1
      let commit = try load(id)
      read[id] = nil
      let path = pathAt[id] ?? path
      let blob = try repository.blobID(atPath: path, inTree: commit.treeID)
      var parents: [(id: ObjectID, path: String, blob: ObjectID?)] = []
      for parentID in commit.parentIDs {
        let parent = try load(parentID)
        guard parent.treeID != commit.treeID else {
          parents.append((parentID, path, blob))
          continue
        }
        var parentPath = path
        var parentBlob = try repository.blobID(atPath: path, inTree: parent.treeID)
        if parentBlob == nil, blob != nil, following != .none,
          let source = try repository.renameSource(
            of: path, from: parent.treeID, to: commit.treeID, copies: following == .copies)
        {
          parentPath = source
          parentBlob = try repository.blobID(atPath: source, inTree: parent.treeID)
        }
        parents.append((parentID, parentPath, parentBlob))
      }
      let walked: ArraySlice<(id: ObjectID, path: String, blob: ObjectID?)>
      if let same = parents.firstIndex(where: { $0.blob == blob }) {
        walked = parents[same...same]
      } else {
        walked = parents[...]
        if let blob {
          revisions.append(
            Revision(commit: commit, path: path, blob: blob, parentBlobs: parents.map(\.blob)))
        }
      }
      for parent in walked where pathAt[parent.id] == nil {
        pathAt[parent.id] = parent.path
        queue.append(parent.id)
      }
    }
    self.revisions = revisions
  }
}

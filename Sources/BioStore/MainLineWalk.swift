import Git

/// A change to one variant file made by one commit, relative to its first parent.
struct VariantChange: Hashable, Sendable {
  /// The variant whose file changed.
  let variant: VariantName
  /// The file's blob in the first parent, nil when the commit adds it.
  let oldBlob: ObjectID?
  /// The file's blob in the commit, nil when the commit deletes it.
  let newBlob: ObjectID?
}

/// One commit of the main line with the variant files it changed.
struct MainLineStep {
  /// The commit.
  let commit: Commit
  /// First-parent steps from the tip (0 is the tip).
  let lineIndex: Int
  /// The variant files it added, changed or deleted.
  let changes: [VariantChange]

  /// The renames among the changes: a variant file deleted and another added with the same blob (so a hand-made `git mv` counts too).
  var renames: [(old: VariantName, new: VariantName)] {
    var renames: [(old: VariantName, new: VariantName)] = []
    var taken = Set<VariantName>()
    for deleted in changes where deleted.newBlob == nil {
      guard
        let added = changes.first(where: {
          $0.oldBlob == nil && $0.newBlob == deleted.oldBlob && !taken.contains($0.variant)
        })
      else { continue }
      taken.insert(added.variant)
      renames.append((deleted.variant, added.variant))
    }
    return renames
  }
}

/// Walks a branch's first-parent line from its tip back to the root, comparing each commit's variant files with its parent's.
///
/// libgit2 has no path-limited walk, so this compares blob ids of root-tree entries, reading each tree once.
struct MainLineWalk {
  let repository: Repository
  let tip: ObjectID?

  /// Calls `body` for each commit from the tip back, until it returns false or the root is reached.
  func forEach(_ body: (MainLineStep) -> Bool) throws(GitError) {
    guard let tip else { return }
    var commit = try repository.commit(tip)
    var files = try variantFiles(inTree: commit.treeID)
    var lineIndex = 0
    while true {
      let parent = try commit.parentIDs.first.map { (id) throws(GitError) in
        try repository.commit(id)
      }
      let parentFiles: [VariantName: ObjectID]
      if let parent {
        parentFiles =
          parent.treeID == commit.treeID ? files : try variantFiles(inTree: parent.treeID)
      } else {
        parentFiles = [:]
      }
      let step = MainLineStep(
        commit: commit, lineIndex: lineIndex, changes: changes(from: parentFiles, to: files))
      guard body(step), let parent else { return }
      commit = parent
      files = parentFiles
      lineIndex += 1
    }
  }

  /// The variant files at the root of a tree, by variant.
  func variantFiles(inTree treeID: ObjectID) throws(GitError) -> [VariantName: ObjectID] {
    var files: [VariantName: ObjectID] = [:]
    for entry in try repository.treeEntries(treeID) where entry.isFile {
      if let variant = VariantName.fromFileName(entry.name) { files[variant] = entry.id }
    }
    return files
  }

  private func changes(
    from old: [VariantName: ObjectID], to new: [VariantName: ObjectID]
  ) -> [VariantChange] {
    var changes: [VariantChange] = []
    for (variant, blob) in new where old[variant] != blob {
      changes.append(VariantChange(variant: variant, oldBlob: old[variant], newBlob: blob))
    }
    for (variant, blob) in old where new[variant] == nil {
      changes.append(VariantChange(variant: variant, oldBlob: blob, newBlob: nil))
    }
    return changes.sorted { $0.variant < $1.variant }
  }
}

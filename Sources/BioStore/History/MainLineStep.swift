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

import Git

/// Everything the main line says about one variant: its versions newest first, and whether it is currently removed.
struct VariantTimeline {
  /// The variant.
  let variant: VariantName
  /// Its versions, newest first in commit order.
  var versions: [Version] = []
  /// The commit that removed the variant's file, when the tip has no file for it.
  var removal: Removal?
  /// The first-parent position of every commit walked, for `@COMMIT` look-ups.
  var lineIndexes: [ObjectID: Int] = [:]

  /// The commit that last added, changed or removed the variant's file, nil when none has.
  var latestChange: ObjectID? { removal?.id ?? versions.first?.id }

  /// Adds what one step of the walk (newest first) says about the variant.
  mutating func record(_ step: MainLineStep) {
    lineIndexes[step.commit.id] = step.lineIndex
    for change in step.changes where change.variant == variant {
      if let newBlob = change.newBlob {
        versions.append(
          Version(variant: variant, commit: step.commit, blobID: newBlob, lineIndex: step.lineIndex)
        )
      } else if versions.isEmpty, removal == nil {
        removal = Removal(id: step.commit.id, date: Timestamp(step.commit.author))
      }
    }
  }
}

import Git

/// The whole main line at once: every variant's versions, newest first, and each commit's position.
///
/// Engagements pin commits that need not be the ones that changed a variant (a hand-made tag may
/// name the tip), so finding the version sent means knowing the main line around that commit.
struct MainLineHistory {
  /// The first-parent position of every commit (0 is the tip).
  private(set) var lineIndexes: [ObjectID: Int] = [:]
  /// Each variant's versions, newest first in commit order.
  private(set) var versions: [VariantName: [Version]] = [:]

  /// Adds what one step of the walk (newest first) says.
  mutating func record(_ step: MainLineStep) {
    lineIndexes[step.commit.id] = step.lineIndex
    for change in step.changes {
      guard let blob = change.newBlob else { continue }
      versions[change.variant, default: []].append(
        Version(
          variant: change.variant, commit: step.commit, blobID: blob, lineIndex: step.lineIndex))
    }
  }

  /// The version of `variant` whose text `commit` holds as `blob`: the one that introduced it on the main line, else the commit itself.
  func version(of variant: VariantName, in commit: Commit, blob: ObjectID) -> Version {
    let position = lineIndexes[commit.id]
    if let position,
      let version = versions[variant]?.first(where: { ($0.lineIndex ?? 0) >= position }),
      version.blobID == blob
    {
      return version
    }
    return Version(variant: variant, commit: commit, blobID: blob, lineIndex: position)
  }
}

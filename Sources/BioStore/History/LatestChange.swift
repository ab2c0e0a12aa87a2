import Git

/// The newest changes to one variant's own file, as a save and an edit need them.
struct LatestChange {
  /// The commit that last added, changed or removed the file; nil when none has.
  let commit: ObjectID?
  /// The newest text the file held (a version, or a rename into it), even when it was removed since.
  let newestText: Version?
  /// Whether the newest change removed the file or renamed it away.
  let isRemoved: Bool
  /// The as-of date of the newest version: `newestText`'s, unless that text came by a rename, which is not a version, and then the date of the version renamed.
  let newestVersionDate: Timestamp?
}

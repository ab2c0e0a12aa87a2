/// What `import-git` found and recorded.
public struct GitImportOutcome: Sendable, Equatable {
  /// The versions recorded, oldest first.
  public var recorded: [Version] = []
  /// Revisions of the file read from the source repository: the commits that change it (on or after `--since`).
  public var revisionsRead = 0
  /// Revisions in which the section (or its blockquote) was absent, or whose text could not be a version.
  public var revisionsWithoutText = 0
  /// Versions found that earlier imports had already recorded (or whose text the variant already had at that time).
  public var alreadyImported = 0
  /// Versions found that are not in the store and are dated before the variant's latest version, so were left out.
  public var olderLeftOut = 0
  /// Versions found that are older than the variant's latest and were put in date order (`--insert`).
  public var olderInserted = 0
  /// Later commits written again on top of the inserted versions.
  public var replayed = 0
  /// Where the tip before the rewrite is kept, when there was one.
  public var keptTip: String?
}

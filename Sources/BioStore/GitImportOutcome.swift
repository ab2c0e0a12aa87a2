/// What `import-git` found and recorded.
public struct GitImportOutcome: Sendable, Equatable {
  /// The versions recorded, oldest first.
  public var recorded: [Version] = []
  /// Revisions of the file read from the source repository.
  public var revisionsRead = 0
  /// Revisions in which the section (or its blockquote) was absent, or whose text could not be a version.
  public var revisionsWithoutText = 0
  /// Versions found that earlier imports had already recorded.
  public var alreadyImported = 0
}

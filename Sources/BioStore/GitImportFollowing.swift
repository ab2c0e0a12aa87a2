/// How `import-git` traces a file into older commits where its path did not exist.
///
/// `renames` is what a user of `git log --follow` expects and the default. `none` takes the
/// path's own history, for a file whose name flipped back and forth (`about.md` → `about.html` →
/// `about.md`) with edits that defeat rename detection, where following would stop at the last
/// flip. `copies` also follows a copy of any file, for a `bio.md` that began as a copy of another
/// page that lived on.
public enum GitImportFollowing: Sendable, Equatable {
  /// The path's own history only (`git log -- PATH`).
  case none
  /// Across renames (`git log --follow -- PATH`).
  case renames
  /// Across renames and copies of any file (`git log --follow -C --find-copies-harder -- PATH`).
  case copies
}

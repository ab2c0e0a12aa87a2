/// How `import-git` traces a file into older commits where its path did not exist.
///
/// `renames` is the default. Stock `git log --follow` also follows a copy of a file the commit
/// left unchanged; biostore does that only with `copies`, because a copy's source is another
/// page with a history of its own (another author's page in a group site, a template). `none` takes the
/// path's own history, for a file whose name flipped back and forth (`about.md` → `about.html` →
/// `about.md`) with edits that defeat rename detection, where following would stop at the last
/// flip. `copies` also follows a copy of any file, for a `bio.md` that began as a copy of another
/// page that lived on.
public enum GitImportFollowing: Sendable, Equatable {
  /// The path's own history only (`git log -- PATH`).
  case none
  /// Across renames (git's rename detection, 50% similar or more).
  case renames
  /// Across renames and copies of any file, as `git log --follow` does; libgit2 scores similarity a little differently from git, so where two sources score close the two may pick different ones.
  case copies
}

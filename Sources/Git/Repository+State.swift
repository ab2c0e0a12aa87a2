internal import Clibgit2

extension Repository {
  /// Whether `HEAD` names a commit directly instead of a branch (after `git checkout OLD-COMMIT`).
  ///
  /// Wraps `git_repository_head_detached`.
  public func isHeadDetached() throws(GitError) -> Bool {
    let result = git_repository_head_detached(pointer)
    // An unborn branch (a new store) reports "not found" rather than "attached".
    if result == GIT_EUNBORNBRANCH.rawValue || result == GIT_ENOTFOUND.rawValue { return false }
    try check(result < 0 ? result : 0, "git_repository_head_detached")
    return result == 1
  }

  /// The git operation left in progress in the work tree (`"merge"`, `"rebase"`, …), or nil when there is none.
  ///
  /// Wraps `git_repository_state`.
  public func operationInProgress() -> String? {
    switch git_repository_state(pointer) {
    case Int32(GIT_REPOSITORY_STATE_NONE.rawValue): nil
    case Int32(GIT_REPOSITORY_STATE_MERGE.rawValue): "merge"
    case Int32(GIT_REPOSITORY_STATE_REVERT.rawValue),
      Int32(GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue):
      "revert"
    case Int32(GIT_REPOSITORY_STATE_CHERRYPICK.rawValue),
      Int32(GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue):
      "cherry-pick"
    case Int32(GIT_REPOSITORY_STATE_BISECT.rawValue): "bisect"
    case Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX.rawValue),
      Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE.rawValue):
      "am"
    default: "rebase"
    }
  }
}

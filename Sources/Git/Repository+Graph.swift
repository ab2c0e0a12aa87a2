internal import Clibgit2

extension Repository {
  /// Whether `commit` has `ancestor` among its ancestors (a commit is not its own descendant).
  ///
  /// Wraps `git_graph_descendant_of`.
  public func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws(GitError) -> Bool {
    var commitID = commit.oid
    var ancestorID = ancestor.oid
    return try check(
      git_graph_descendant_of(pointer, &commitID, &ancestorID), "git_graph_descendant_of") == 1
  }

  /// The best common ancestor of two commits, or nil when they share none.
  ///
  /// Wraps `git_merge_base`.
  public func mergeBase(_ one: ObjectID, _ other: ObjectID) throws(GitError) -> ObjectID? {
    var base = git_oid()
    var first = one.oid
    var second = other.oid
    do {
      try check(git_merge_base(&base, pointer, &first, &second), "git_merge_base")
    } catch  where error.kind == .notFound {
      return nil
    }
    return ObjectID(base)
  }
}

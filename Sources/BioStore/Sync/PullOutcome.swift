/// What a pull did to the branch and the engagements.
public struct PullOutcome: Sendable {
  /// What happened to the branch.
  public enum Branch: Sendable, Equatable {
    /// The remote has no branch yet.
    case remoteEmpty
    /// Both lines were the same already.
    case upToDate
    /// This store has everything the remote has, and more: nothing to take.
    case localAhead
    /// The remote's new commits were taken as they are.
    case fastForwarded(commits: Int)
    /// This store's own commits were written again on top of the remote's new ones.
    case replayed(local: Int, remote: Int)
  }

  /// What happened to the branch.
  public var branch: Branch = .upToDate
  /// Variants that both sides saved since they last agreed: both versions are kept, newest on top.
  public var savedOnBothSides: [String] = []
  /// Variants whose remote version is newer than this store's: this store's went on top of it, and the remote's text was saved again above that.
  public var remoteAgainOnTop: [String] = []
  /// This store's versions whose text the remote already had: left out, the remote's version (and date) kept; the old line is kept under `keptTip`.
  public var alreadyThere: [(variant: String, date: Timestamp)] = []
  /// Tags under the remote's `refs/tags/engagements/` whose names break the naming rule: not taken.
  public var unreadableNames: [String] = []
  /// Engagements the remote had and this store did not.
  public var newEngagements: [String] = []
  /// Engagements recorded differently on each side: the remote's record is taken, this store's kept under `keptAs`.
  public var differingEngagements: [(name: String, keptAs: String)] = []
  /// Engagements edited here since the remote's record, which is kept as it is: `push` sends the edit.
  public var editedHere: [String] = []
  /// Engagements this store retired (`untag`) that the remote still has: not taken back, and `push` retires them there.
  public var retiredHere: [String] = []
  /// Engagements the remote retired since this store last fetched: retired here too, each record kept under `keptAs`.
  public var retiredThere: [(name: String, keptAs: String)] = []
  /// Engagements the remote retired that this store recorded differently since: kept, and `push` sends them again.
  public var keptThoughRetiredThere: [String] = []
  /// Where this store's tip before the pull is kept, when its own commits were written again.
  public var keptTip: String?
}

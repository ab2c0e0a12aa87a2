import Git

/// What `undo` took back: the write's summary and, reference by reference, what changed back.
public struct UndoOutcome: Sendable {
  /// A commit the undo took off the branch.
  public struct Commit: Sendable {
    /// The commit.
    public let id: ObjectID
    /// Its as-of date.
    public let date: Timestamp
    /// The first line of its message.
    public let subject: String
    /// The variants whose files it changed.
    public let variants: [VariantName]
  }

  /// How an engagement changed back.
  public enum EngagementChange: String, Sendable {
    /// The write made it; the undo removed it.
    case removed
    /// The write replaced or re-pointed it; the undo put the earlier record back.
    case restored
    /// The write retired it (`untag`); the undo brought it back.
    case returned
  }

  /// The write's summary, as the write log has it.
  public let summary: String
  /// When the write was recorded.
  public let recordedAt: Timestamp
  /// The commits taken off the branch, newest first (empty when the write rewrote the line: its old line is back whole).
  public let commits: [Commit]
  /// Whether the write rewrote the line (an insert or an amend), which the undo put back as it was.
  public let rewroteLine: Bool
  /// The branch's tip now, when the undo moved it.
  public let branchTip: ObjectID?
  /// Each engagement changed back.
  public let engagements: [(name: String, change: EngagementChange)]
  /// Where the branch tip the undo replaced is kept, when it moved.
  public let keptTip: String?
}

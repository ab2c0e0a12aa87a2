/// What `tag` recorded: the engagement as read back from its new tag, and what it carried over from the tag it replaced.
public struct TagOutcome: Sendable {
  /// The engagement as its new tag records it.
  public let engagement: Engagement
  /// The fields of the replaced tag kept because they were not given again, in the order `title`, `date`, `venue`, `note`, `limit`, `versions`.
  public let kept: [String]
  /// Where the replaced tag is kept (`refs/biostore/replaced/NAME/N`), or nil when nothing was replaced.
  public let replacedTag: String?
}

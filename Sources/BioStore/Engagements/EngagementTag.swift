import Git

/// One engagement tag as read: its message, the commit it points at, and the commit each variant's pin names, expanded once.
struct EngagementTag {
  /// The engagement's name.
  let name: EngagementName
  /// The parsed tag message, with the problems met reading the tag.
  var message: TagMessage
  /// The commit the tag points at after peeling, or nil when it points at no commit.
  let commit: ObjectID?
  /// Every variant sent, in the order the message names them, each with its pinned commit.
  let pins: [Pin]

  /// A variant the engagement was sent and the commit its pin names, or why no commit could be found.
  struct Pin {
    /// The variant sent.
    let variant: VariantName
    /// The pinned commit, or `unknownCommit` for a prefix that names none or several.
    let commit: Result<ObjectID, StoreError>

    /// The problem a reader is told of when the pin names no commit, e.g. "bio: no commit abc1234".
    var problem: String? {
      guard case .failure(let error) = commit else { return nil }
      guard case .unknownCommit(let prefix, _) = error else { return "\(variant): \(error)" }
      return "\(variant): no commit \(prefix.printable)"
    }
  }
}

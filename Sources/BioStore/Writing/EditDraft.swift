import Git

/// The text `edit` opens in the editor and the change it came from, so saving it can refuse when another version was recorded meanwhile.
public struct EditDraft: Sendable, Equatable {
  /// The variant being edited.
  public let variant: VariantName
  /// The latest version's bytes exactly as stored (none for a new or removed variant), so a file stock git stored in another encoding reaches the editor unchanged.
  public let bytes: [UInt8]
  /// The commit that last added, changed or removed the variant's file when editing began, nil when none ever did.
  ///
  /// A commit, not a text: a version saved and then undone meanwhile (A, B, A) has the draft's text
  /// again but is still a change the person has not seen.
  let baseChange: ObjectID?
}

import Git

/// The text `edit` opens in the editor and the version it came from, so saving it can refuse when another version was recorded meanwhile.
public struct EditDraft: Sendable, Equatable {
  /// The variant being edited.
  public let variant: VariantName
  /// The latest text when editing began ("" for a new variant).
  public let text: String
  /// The blob of that text in the branch tip, nil for a new or removed variant.
  let baseBlob: ObjectID?
}

/// One version an engagement was sent, with its text and word count.
public struct SentVersion: Sendable {
  /// The variant as the engagement names it, which is the version's own name unless the variant was renamed since it was saved.
  public let variant: VariantName
  /// The version.
  public let version: Version
  /// Its exact text, when the caller asked for it: `recall` prints texts, a listing needs only the words.
  public let text: String?
  /// Its words.
  public let words: Int
  /// Its length as the engagement's limit counts it (its words, pretalx's words or its characters), or nil when the engagement set no limit.
  public let length: Int?
  /// Whether it is longer than the engagement's limit.
  public let isOverLimit: Bool
}

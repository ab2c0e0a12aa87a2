/// One version an engagement was sent, with its text and word count.
public struct SentVersion: Sendable {
  /// The version.
  public let version: Version
  /// Its exact text, when the caller asked for it: `recall` prints texts, a listing needs only the words.
  public let text: String?
  /// Its words.
  public let words: Int
  /// Whether it has more words than the engagement's limit.
  public let isOverLimit: Bool
}

/// One piece of a prose diff: text kept, inserted or deleted, with the layout before it.
public struct TextChange: Equatable, Sendable, Encodable {
  /// What happened to the piece.
  public enum Operation: String, Sendable, Encodable {
    /// In both texts; the text is the new text's.
    case equal
    /// Only in the new text.
    case insert
    /// Only in the old text; the text is the old text's.
    case delete
  }

  /// What happened to the piece.
  public let op: Operation
  /// The piece, with the whitespace before it as it stands in the text it comes from.
  public internal(set) var text: String
}

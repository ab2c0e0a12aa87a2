/// One piece of a redline: words the two texts share, or words only the old or only the new one has, with the layout around them.
public struct RedlineSegment: Sendable, Equatable {
  /// Which text the piece belongs to.
  public enum Kind: Sendable, Equatable {
    /// Both: unchanged.
    case same
    /// Only the old text: deleted.
    case deleted
    /// Only the new text: inserted.
    case inserted
  }

  /// Which text it belongs to.
  public let kind: Kind
  /// Its text; a deleted piece is on one line.
  public let text: String

  /// A piece of `kind` reading `text`.
  public init(kind: Kind, text: String) {
    self.kind = kind
    self.text = text
  }
}

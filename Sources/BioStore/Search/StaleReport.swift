/// Where retired phrases are still said: in the latest text of current variants, and in what upcoming engagements were sent.
public struct StaleReport: Sendable, Encodable {
  /// An upcoming engagement sent a version that says a retired phrase.
  public struct Sending: Sendable, Encodable {
    /// The engagement.
    public let engagement: String
    /// Its date: today or later.
    public let date: CivilDate
    /// The variant sent, as the engagement names it.
    public let variant: String
    /// The phrase the version says.
    public let phrase: String
    /// The version's commit.
    public let id: String
  }

  /// The phrases looked for.
  public let phrases: [String]
  /// Each place a current variant's latest text says one.
  public var variants: [PhraseHit] = []
  /// Each upcoming engagement sent a version that says one, by date.
  public var engagements: [Sending] = []

  /// Whether nothing still says any of them.
  public var isClean: Bool { variants.isEmpty && engagements.isEmpty }
}

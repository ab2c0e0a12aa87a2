/// How one variant came to say a phrase: the version where it first appeared, and each where it disappeared or came back, oldest first.
public struct PhraseTrace: Sendable, Encodable {
  /// What a version did to the phrase.
  public enum Change: String, Sendable, Encodable {
    /// The first version that says it.
    case appeared
    /// A version that no longer says it, after one that did.
    case disappeared
    /// A version that says it again, after one that did not.
    case returned
  }

  /// One version that changed whether the variant says the phrase.
  public struct Event: Sendable {
    /// What it did.
    public let change: Change
    /// The version.
    public let version: Version
  }

  /// An engagement that was sent a version saying the phrase.
  public struct Sending: Sendable {
    /// The engagement.
    public let engagement: EngagementName
    /// Its date.
    public let date: CivilDate
    /// The version it was sent.
    public let version: Version
  }

  /// The variant, as named now.
  public let variant: VariantName
  /// The changes, oldest first.
  public var events: [Event] = []
  /// Whether the latest version still says it.
  public var saysItNow = false
  /// The engagements sent a version that says it, by engagement date (filled in when asked for).
  public var sent: [Sending] = []

  private enum CodingKeys: String, CodingKey { case variant, saysItNow, changes, sent }
  private enum EventKeys: String, CodingKey { case change, id, date, variant, message }
  private enum SendingKeys: String, CodingKey { case engagement, date, id, variant }

  /// Encodes `{variant, saysItNow, changes: [{change, id, date, variant, message}], sent: [{engagement, date, id, variant}]}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(variant.rawValue, forKey: .variant)
    try container.encode(saysItNow, forKey: .saysItNow)
    var changes = container.nestedUnkeyedContainer(forKey: .changes)
    for event in events {
      var entry = changes.nestedContainer(keyedBy: EventKeys.self)
      try entry.encode(event.change, forKey: .change)
      try entry.encode(event.version.id, forKey: .id)
      try entry.encode(event.version.date, forKey: .date)
      try entry.encode(event.version.variant.rawValue, forKey: .variant)
      try entry.encode(Version.userMessage(event.version.message), forKey: .message)
    }
    var sending = container.nestedUnkeyedContainer(forKey: .sent)
    for sent in self.sent {
      var entry = sending.nestedContainer(keyedBy: SendingKeys.self)
      try entry.encode(sent.engagement.rawValue, forKey: .engagement)
      try entry.encode(sent.date, forKey: .date)
      try entry.encode(sent.version.id, forKey: .id)
      try entry.encode(sent.version.variant.rawValue, forKey: .variant)
    }
  }
}

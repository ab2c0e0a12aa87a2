import Git

/// How one variant came to say a phrase: the version where it first appeared, and each where it disappeared or came back, oldest first.
public struct PhraseTrace: Sendable, Encodable {
  /// What a version did to the phrase.
  public enum Change: String, Sendable, Encodable {
    /// The first version that says it.
    case appeared
    /// A version that no longer says it, after one that did.
    case disappeared
    /// A version that says it again, after one that did not (or after the variant was removed).
    case returned
    /// The variant was removed while it said it.
    case removed
  }

  /// One commit that changed whether the variant says the phrase: a version, or the variant's removal.
  public struct Event: Sendable {
    /// What it did.
    public let change: Change
    /// The version, or nil for a removal.
    public let version: Version?
    /// The commit.
    public let id: ObjectID
    /// The version's as-of date, or the removal's date.
    public let date: Timestamp
    /// The variant's name in that commit.
    public let variant: VariantName

    /// A version that did `change`.
    init(change: Change, version: Version) {
      self.change = change
      self.version = version
      (id, date, variant) = (version.id, version.date, version.variant)
    }

    /// The removal of `variant` in commit `id`, on `date`.
    init(removalOf variant: VariantName, id: ObjectID, date: Timestamp) {
      change = .removed
      version = nil
      (self.id, self.date, self.variant) = (id, date, variant)
    }
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
  /// Whether the variant, as it is now, still says it: false when it was removed or renamed away since.
  public var saysItNow = false
  /// Whether the variant's file is removed now.
  public var isRemoved = false
  /// The name it was renamed to, when the variant traced is an old name.
  public var renamedTo: VariantName?
  /// The engagements sent a version that says it, by engagement date (filled in when asked for).
  public var sent: [Sending] = []

  private enum CodingKeys: String, CodingKey {
    case variant, saysItNow, removed, renamedTo, changes, sent
  }
  private enum EventKeys: String, CodingKey { case change, id, date, variant, message }
  private enum SendingKeys: String, CodingKey { case engagement, date, id, variant }

  /// Encodes `{variant, saysItNow, removed, renamedTo, changes: [{change, id, date, variant, message}], sent: [{engagement, date, id, variant}]}`; a removal's message is null.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(variant.rawValue, forKey: .variant)
    try container.encode(saysItNow, forKey: .saysItNow)
    try container.encode(isRemoved, forKey: .removed)
    try container.encode(renamedTo?.rawValue, forKey: .renamedTo)
    var changes = container.nestedUnkeyedContainer(forKey: .changes)
    for event in events {
      var entry = changes.nestedContainer(keyedBy: EventKeys.self)
      try entry.encode(event.change, forKey: .change)
      try entry.encode(event.id, forKey: .id)
      try entry.encode(event.date, forKey: .date)
      try entry.encode(event.variant.rawValue, forKey: .variant)
      try entry.encode(event.version.map { Version.userMessage($0.message) }, forKey: .message)
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

/// One place a phrase occurs in one version, with a little of the text around it.
public struct PhraseHit: Sendable, Encodable {
  /// The phrase, as given.
  public let phrase: String
  /// The variant, as it is named now (the version may be from before a rename).
  public let variant: VariantName
  /// The version that holds it.
  public let version: Version
  /// The words before it, on one line, `…` where the text goes on.
  public let before: String
  /// The words that matched, as the text has them.
  public let match: String
  /// The words after it.
  public let after: String

  private enum CodingKeys: String, CodingKey {
    case phrase, variant, id, date, before, match, after
  }

  /// Encodes `{phrase, variant, id, date, before, match, after}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(phrase, forKey: .phrase)
    try container.encode(variant.rawValue, forKey: .variant)
    try container.encode(version.id, forKey: .id)
    try container.encode(version.date, forKey: .date)
    try container.encode(before, forKey: .before)
    try container.encode(match, forKey: .match)
    try container.encode(after, forKey: .after)
  }
}

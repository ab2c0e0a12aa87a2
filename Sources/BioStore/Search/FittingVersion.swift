/// A version that fits a length limit, with its length under the limit's rule.
public struct FittingVersion: Sendable, Encodable {
  /// The variant, as named now.
  public let variant: VariantName
  /// The version.
  public let version: Version
  /// Its length as the limit counts it.
  public let length: Int
  /// Its words as biostore counts them.
  public let words: Int

  private enum CodingKeys: String, CodingKey { case variant, id, date, length, words }

  /// Encodes `{variant, id, date, length, words}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(variant.rawValue, forKey: .variant)
    try container.encode(version.id, forKey: .id)
    try container.encode(version.date, forKey: .date)
    try container.encode(length, forKey: .length)
    try container.encode(words, forKey: .words)
  }
}

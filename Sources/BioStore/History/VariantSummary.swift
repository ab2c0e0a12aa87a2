/// One line of `list`: a variant with its latest as-of date, how many versions it has, and its length in words.
public struct VariantSummary: Equatable, Encodable {
  /// The variant.
  public let variant: VariantName
  /// The as-of date of its latest version.
  public let date: Timestamp
  /// How many versions it has.
  public let versions: Int
  /// Words in its latest text.
  public let words: Int
  /// What became of it when the tip has no file for it: `removed` or `renamed to NEW`.
  public var retired: String? = nil

  private enum CodingKeys: String, CodingKey { case variant, date, versions, words, retired }

  /// Encodes the fields DESIGN.md names for `list --json`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(variant.rawValue, forKey: .variant)
    try container.encode(date, forKey: .date)
    try container.encode(versions, forKey: .versions)
    try container.encode(words, forKey: .words)
    if let retired { try container.encode(retired, forKey: .retired) }
  }
}

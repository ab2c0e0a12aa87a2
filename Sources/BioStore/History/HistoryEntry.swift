import Git

/// One line of `history`: a version with its word count and the words added and removed since the version before it.
public struct HistoryEntry: Equatable, Encodable {
  /// The version.
  public let version: Version
  /// Words in its text.
  public let words: Int
  /// Words added since the previous version.
  public let added: Int
  /// Words removed since the previous version.
  public let removed: Int
  /// Names of engagements that were sent this version.
  public let engagements: [String]

  private enum CodingKeys: String, CodingKey {
    case id, date, message, words, added, removed, engagements
  }

  /// Encodes the fields DESIGN.md names for `history --json`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(version.id, forKey: .id)
    try container.encode(version.date, forKey: .date)
    try container.encode(version.message, forKey: .message)
    try container.encode(words, forKey: .words)
    try container.encode(added, forKey: .added)
    try container.encode(removed, forKey: .removed)
    try container.encode(engagements, forKey: .engagements)
  }
}

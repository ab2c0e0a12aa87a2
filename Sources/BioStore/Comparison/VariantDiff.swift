import ProseDiff

/// The comparison of one variant between two versions, either of which may be missing.
public struct VariantDiff: Sendable, Encodable {
  /// The variant compared (the newer side's, when two variants are compared with each other).
  public let variant: VariantName
  /// The version compared from, or nil when only the newer side has the variant.
  public let from: Version?
  /// The version compared to, or nil when only the older side has the variant.
  public let to: Version?
  /// The word-level difference of their texts.
  public let prose: ProseDiff

  private enum CodingKeys: String, CodingKey {
    case variant, from, to, added, removed, changes, wordsBefore, wordsAfter
  }

  private enum SideKeys: String, CodingKey {
    case id, date, variant
  }

  /// Encodes the fields DESIGN.md names for `diff --json`, plus the word counts of both sides.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(variant.rawValue, forKey: .variant)
    for (version, key) in [(from, CodingKeys.from), (to, .to)] {
      guard let version else {
        try container.encodeNil(forKey: key)
        continue
      }
      var side = container.nestedContainer(keyedBy: SideKeys.self, forKey: key)
      try side.encode(version.id, forKey: .id)
      try side.encode(version.date, forKey: .date)
      try side.encode(version.variant.rawValue, forKey: .variant)
    }
    try container.encode(prose.added, forKey: .added)
    try container.encode(prose.removed, forKey: .removed)
    try container.encode(prose.changes, forKey: .changes)
    try container.encode(prose.old.wordCount, forKey: .wordsBefore)
    try container.encode(prose.new.wordCount, forKey: .wordsAfter)
  }
}

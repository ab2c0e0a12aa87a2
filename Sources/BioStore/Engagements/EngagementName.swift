/// A validated engagement name (`sc24-tpc`): the variant-name rule, since it becomes part of the tag's reference name.
public struct EngagementName: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The name as typed.
  public let rawValue: String

  /// Validates `text`, throwing `StoreError.badName` with a suggested fix when it breaks the rule.
  public init(_ text: String) throws(StoreError) {
    rawValue = try VariantName.checked(text)
  }

  /// The tag's name, `engagements/NAME`.
  var tagName: String { "engagements/" + rawValue }

  /// The tag's reference, `refs/tags/engagements/NAME`.
  var referenceName: String { "refs/tags/" + tagName }

  /// Where a tag replaced with `--force` is kept: `refs/biostore/replaced/NAME/N`.
  var replacedPrefix: String { "refs/biostore/replaced/\(rawValue)/" }

  /// Where `untag` notes the record it retired, `refs/biostore/retired/NAME`: what tells `push` and `pull` that this store retired the engagement, as opposed to one kept for any other reason.
  var retiredReference: String { "refs/biostore/retired/\(rawValue)" }

  /// The name.
  public var description: String { rawValue }

  /// Orders names alphabetically.
  public static func < (lhs: EngagementName, rhs: EngagementName) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

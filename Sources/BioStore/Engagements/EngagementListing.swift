/// Every engagement in a store, by date, with warnings about tags that could not be fully read.
public struct EngagementListing: Sendable {
  /// The engagements, oldest first by date, then by name.
  public let engagements: [Engagement]
  /// One line per problem (`engagement sc24: cannot read trailer …`), for stderr.
  public let warnings: [String]
}

/// What a `tag` records besides the versions: everything optional but the date, which defaults to today.
public struct EngagementDetails: Sendable {
  /// The title line; the engagement's name when nil.
  public var title: String?
  /// A free-text note.
  public var note: String?
  /// The engagement date; today when nil.
  public var date: CivilDate?
  /// Where it takes place.
  public var venue: String?
  /// The length limit it sets.
  public var limit: LengthLimit?

  /// Details with these parts.
  public init(
    title: String? = nil, note: String? = nil, date: CivilDate? = nil, venue: String? = nil,
    limit: LengthLimit? = nil
  ) {
    self.title = title
    self.note = note
    self.date = date
    self.venue = venue
    self.limit = limit
  }
}

/// What `site` wrote: how many pages, variants and versions.
public struct SiteSummary: Sendable {
  /// The pages written, the index included.
  public var pages = 0
  /// The variants given a timeline, removed ones included.
  public var variants = 0
  /// The versions given a page of their own.
  public var versions = 0
  /// The pages comparing two versions.
  public var comparisons = 0
}

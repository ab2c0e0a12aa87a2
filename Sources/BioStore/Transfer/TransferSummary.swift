/// What an export or import did, for its one-line report.
public struct TransferSummary: Sendable, Equatable {
  /// Versions written, by variant.
  public var versions: [VariantName: Int] = [:]
  /// Engagements written.
  public var engagements: [EngagementName] = []
  /// Things left out, for warnings.
  public var warnings: [String] = []
}

/// What an export or import did, for its one-line report.
public struct TransferSummary: Sendable, Equatable {
  /// Versions written, by variant.
  public var versions: [VariantName: Int] = [:]
  /// Renames written (to `events.yaml`, or as commits).
  public var renames = 0
  /// Removals written (to `events.yaml`, or as commits).
  public var removals = 0
  /// Engagements written.
  public var engagements: [EngagementName] = []
  /// Things left out, for warnings.
  public var warnings: [String] = []
}

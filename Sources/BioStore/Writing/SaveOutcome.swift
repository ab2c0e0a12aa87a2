/// What `save` did: recorded a new version (on the tip, or inserted among older ones), or found the text unchanged and recorded nothing.
public enum SaveOutcome: Equatable {
  /// A new version was recorded.
  case recorded(Version)
  /// An older version was put in its place in date order, `replayed` later commits written again on top, and the old tip kept as `keptTip`.
  case inserted(Version, replayed: Int, keptTip: String?)
  /// The text equals the latest version; nothing was recorded.
  case unchanged(VariantName)
}

/// What `save` did: recorded a new version, or found the text unchanged and recorded nothing.
public enum SaveOutcome: Equatable {
  /// A new version was recorded.
  case recorded(Version)
  /// The text equals the latest version; nothing was recorded.
  case unchanged(VariantName)
}

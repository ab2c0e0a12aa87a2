import Git

/// What the index says of one variant, newest first.
struct VariantHistory {
  /// One line of a variant's history.
  enum Item {
    /// A version.
    case version(IndexedVersion)
    /// The variant's file was deleted (the variant, the commit, its position on the main line).
    case removed(VariantName, Removal, Int)
    /// A variant's file was renamed.
    case renamed(from: VariantName, to: VariantName, Removal, Int)
  }

  /// Versions, removals and renames, newest first.
  var items: [Item] = []
  /// The removal, when the variant's newest entry removed its file.
  var removal: Removal?
  /// The variant it was renamed to, when its newest entry renamed it away.
  var renamedTo: (variant: VariantName, event: Removal)?

  /// The versions, newest first.
  var versions: [IndexedVersion] {
    items.compactMap { if case .version(let version) = $0 { version } else { nil } }
  }
}

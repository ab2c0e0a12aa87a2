import ArgumentParser
import BioStore

/// What shell completion offers for an argument: the variant and engagement names of the store the command line names, read when the user presses TAB.
///
/// A store that cannot be opened offers nothing: completion must never print an error.
enum Completions {
  /// Variant names, for arguments that take a variant.
  static let variants = CompletionKind.custom { words, _, _ in
    names(in: words).variants
  }

  /// Engagement names, for `tag NAME` and `recall`.
  static let engagements = CompletionKind.custom { words, _, _ in
    names(in: words).engagements
  }

  /// Variant names, engagement names and, once a word holds `@`, `VARIANT@ENGAGEMENT`, for specs and diff operands.
  static let specs = CompletionKind.custom { words, _, prefix in
    let (variants, engagements) = names(in: words)
    if let at = prefix.firstIndex(of: "@") {
      return engagements.map { prefix[...at] + $0 }
    }
    return variants + engagements
  }

  /// The current variants and the engagements of the store `--store` in `words` (else `$BIOSTORE_DIR`, else `~/.biostore`) names.
  private static func names(in words: [String]) -> (variants: [String], engagements: [String]) {
    var option: String?
    for (index, word) in words.enumerated() {
      if word == "--store", index + 1 < words.count { option = words[index + 1] }
      if word.hasPrefix("--store=") { option = String(word.dropFirst("--store=".count)) }
    }
    guard let store = try? Store(openingAt: Biostore.storePath(option: option)) else {
      return ([], [])
    }
    return (
      ((try? store.variantNames()) ?? []).map(\.rawValue),
      ((try? store.engagementNames()) ?? []).map(\.rawValue)
    )
  }
}

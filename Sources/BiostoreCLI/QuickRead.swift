import BioStore

/// The commands answered before the argument parser starts: a plain `history VARIANT`, `show VARIANT` and `engagements`, the reads people repeat most, when what they print is kept and current.
///
/// The parser's start-up (reflection over the commands' options and the first look-ups of their
/// protocol conformances, about 3 ms) is half the time of such a read. Only the exact forms
/// `history VARIANT`, `show VARIANT`, `engagements` and each after `--store PATH` are recognised
/// here; anything else, and any store whose cache is not current, goes to the parser and the
/// command, which prints the same bytes.
enum QuickRead {
  /// Prints the answer and returns true when `arguments` (without the program's name) is such a read and the cache answers it.
  static func answer(_ arguments: [String]) -> Bool {
    var rest = arguments[...]
    var option: String?
    if rest.count >= 3, rest.first == "--store" {
      option = rest[rest.startIndex + 1]
      rest = rest.dropFirst(2)
    }
    if rest.count == 1, rest.first == "engagements" {
      guard let listing = Store.cachedEngagementsListing(atPath: Biostore.storePath(option: option))
      else { return false }
      Console.write(listing)
      return true
    }
    if rest.count == 2, rest.first == "show",
      let variant = try? VariantName(rest[rest.startIndex + 1])
    {
      guard
        let text = Store.cachedLatestText(atPath: Biostore.storePath(option: option), of: variant)
      else { return false }
      Console.write(bytes: text)
      return true
    }
    guard rest.count == 2, rest.first == "history",
      let variant = try? VariantName(rest[rest.startIndex + 1])
    else { return false }
    guard
      let listing = Store.cachedHistoryListing(
        atPath: Biostore.storePath(option: option), of: variant)
    else { return false }
    Console.write(listing)
    return true
  }
}

import ArgumentParser
import BioStore

extension LengthLimit {
  /// Reads `--limit 100`, `100w:pretalx`, `1000c` from the command line; anything else is a usage error naming the forms.
  static func argument(_ text: String) throws -> LengthLimit {
    guard let limit = LengthLimit(parsing: text) else {
      throw ValidationError(
        "give a limit above zero as 100 (or 100w) words, 100w:pretalx or 1000c (characters)")
    }
    return limit
  }
}

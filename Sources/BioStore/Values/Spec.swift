/// A reference to one version as typed on the command line: `VARIANT[@SELECTOR][~N]`.
public struct Spec: Hashable, Sendable {
  /// What follows `@`.
  public enum Selector: Hashable, Sendable {
    /// No `@`: the latest version.
    case latest
    /// `@DATE`: the newest version, in commit order, dated on or before the end of DATE.
    case date(DateInput, text: String)
    /// `@NAME`: an engagement name, else a commit prefix (names are tried first, as DESIGN.md says).
    case name(String)
  }

  /// The variant named.
  public let variant: VariantName
  /// Which version of it.
  public let selector: Selector
  /// How many versions to step back from the selected one (`~N`).
  public let stepsBack: Int

  /// The spec as typed, for messages.
  public let text: String

  /// Parses `text`, throwing `StoreError.badSpec` or `.badName` before anything touches disk.
  public init(parsing text: String) throws(StoreError) {
    self.text = text
    var rest = Substring(text)
    stepsBack = try Spec.takeSteps(from: &rest, in: text)
    if let at = rest.firstIndex(of: "@") {
      let name = rest[..<at]
      let selector = rest[rest.index(after: at)...]
      guard !name.isEmpty else {
        throw .badSpec(text, reason: "name the variant before '@' (e.g. biosketch\(rest))")
      }
      guard !selector.isEmpty else {
        throw .badSpec(text, reason: "'@' must be followed by a date, engagement or commit")
      }
      guard !selector.contains("@") else {
        throw .badSpec(text, reason: "a spec holds at most one '@'")
      }
      variant = try VariantName(String(name))
      if Spec.looksLikeDate(selector) {
        self.selector = .date(try DateInput(parsing: String(selector)), text: String(selector))
      } else if VariantName.isValid(String(selector)) {
        self.selector = .name(String(selector))
      } else {
        throw .badSpec(
          text,
          reason: "'\(String(selector).printable)' is not a date, engagement name or commit id")
      }
    } else {
      guard !rest.isEmpty else { throw .badSpec(text, reason: "name a variant before '~'") }
      variant = try VariantName(String(rest))
      selector = .latest
    }
  }

  /// Whether `text` starts like a date (four digits, then nothing or '-'), so a bad one is reported as a bad date.
  private static func looksLikeDate(_ text: Substring) -> Bool {
    let head = text.prefix(5)
    return head.prefix(4).count == 4 && head.prefix(4).allSatisfy { $0.isASCII && $0.isNumber }
      && (head.count == 4 || head.last == "-")
  }

  /// Removes a trailing `~N` (or `~`, meaning one) from `rest` and returns N.
  private static func takeSteps(from rest: inout Substring, in text: String) throws(StoreError)
    -> Int
  {
    guard let tilde = rest.lastIndex(of: "~") else { return 0 }
    let digits = rest[rest.index(after: tilde)...]
    rest = rest[..<tilde]
    guard !rest.contains("~") else { throw .badSpec(text, reason: "a spec holds at most one '~N'") }
    if digits.isEmpty { return 1 }
    guard digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let steps = Int(digits)
    else {
      throw .badSpec(text, reason: "'~' must be followed by a number of versions (e.g. ~2)")
    }
    return steps
  }
}

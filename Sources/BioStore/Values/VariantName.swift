/// A validated variant name: 1 to 64 lower-case ASCII letters, digits and inner hyphens, so it is always a safe file name.
public struct VariantName: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The name as typed, e.g. `biosketch`.
  public let rawValue: String

  /// Validates `text`, throwing `StoreError.badName` with a suggested fix when it breaks the rule.
  public init(_ text: String) throws(StoreError) {
    rawValue = try VariantName.checked(text)
  }

  /// `text` when it follows the naming rule (shared with engagement names), else `StoreError.badName` with a suggested fix.
  static func checked(_ text: String) throws(StoreError) -> String {
    guard isValid(text) else { throw .badName(text, suggestion: suggestion(for: text)) }
    return text
  }

  /// The variant's file at the root of the store's tree.
  public var fileName: String { rawValue + ".md" }

  /// The name.
  public var description: String { rawValue }

  /// Orders names alphabetically.
  public static func < (lhs: VariantName, rhs: VariantName) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The variant a tree entry named `fileName` holds, or nil when it is not a variant file.
  static func fromFileName(_ fileName: String) -> VariantName? {
    guard fileName.hasSuffix(".md") else { return nil }
    return try? VariantName(String(fileName.dropLast(3)))
  }

  /// Whether `text` follows the naming rule; shared with engagement names.
  static func isValid(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard (1...64).contains(bytes.count), bytes.first != UInt8(ascii: "-"),
      bytes.last != UInt8(ascii: "-")
    else { return false }
    return bytes.allSatisfy(\.isNameCharacter)
  }

  /// A nearby valid name (lower-cased, other characters turned into hyphens), if there is one.
  static func suggestion(for text: String) -> String? {
    // A file name or path given for a variant (`biosketch.md`, `bios/biosketch.md`) means the variant.
    var name = Substring(text.split(separator: "/").last ?? Substring(text))
    if name.lowercased().hasSuffix(".md") { name = name.dropLast(3) }
    var result = ""
    for scalar in name.lowercased().unicodeScalars {
      if scalar.isASCII, UInt8(scalar.value).isNameCharacter {
        result.unicodeScalars.append(scalar)
      } else if !result.hasSuffix("-") {
        result += "-"
      }
    }
    let trimmed = String(
      result.drop(while: { $0 == "-" }).reversed().drop(while: { $0 == "-" }).reversed())
    let candidate = String(trimmed.prefix(64))
    return isValid(candidate) && candidate != text ? candidate : nil
  }
}

extension UInt8 {
  fileprivate var isNameCharacter: Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || self == UInt8(ascii: "-")
  }
}

/// A length a form allows, counted by a named rule: `100w` (biostore's words), `100w:pretalx`, `1000c` (characters).
public struct LengthLimit: Sendable, Hashable, CustomStringConvertible {
  /// The most the form takes.
  public let count: Int
  /// How the form counts.
  public let rule: CountingRule

  /// A limit of `count` under `rule`.
  public init(_ count: Int, _ rule: CountingRule = .words) {
    self.count = count
    self.rule = rule
  }

  /// Reads `100` or `100w` (words), `100w:pretalx` (words as pretalx counts them) or `1000c` (characters); nil when `text` is none of these or not above zero.
  public init?(parsing text: String) {
    var body = text.trimmingWhitespace
    var named: CountingRule?
    if let colon = body.firstIndex(of: ":") {
      named = CountingRule(rawValue: body[body.index(after: colon)...].lowercased())
      guard named != nil else { return nil }
      body = body[..<colon]
    }
    // The unit letter says words or characters; a rule after the colon must agree with it.
    var rule = named ?? .words
    switch body.last {
    case "w", "W":
      guard rule != .chars else { return nil }
      body = body.dropLast()
    case "c", "C":
      guard named == nil || named == .chars else { return nil }
      rule = .chars
      body = body.dropLast()
    default:
      break
    }
    guard body.allSatisfy({ $0.isASCII }), let count = Int(body), count > 0 else { return nil }
    self.init(count, rule)
  }

  /// The short form `init(parsing:)` reads: `100w`, `100w:pretalx`, `1000c`.
  public var shortForm: String {
    switch rule {
    case .words: "\(count)w"
    case .pretalx: "\(count)w:pretalx"
    case .chars: "\(count)c"
    }
  }

  /// The limit in words a person reads: `100 words`, `100 words (pretalx)`, `1000 characters`.
  public var description: String { rule.describe(count) }

  /// How long `text` is under this limit's rule.
  public func length(of text: String) -> Int { rule.count(text) }

  /// Whether `text` fits.
  public func admits(_ text: String) -> Bool { length(of: text) <= count }
}

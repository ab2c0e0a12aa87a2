import Foundation

/// A date as a person types it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or RFC 3339 / ISO 8601 with an offset.
///
/// A calendar period means its first moment when saving (midnight in the local offset) and its last
/// moment in a spec or `--until`; both are wall-clock times compared with each version's own offset,
/// so `@2024-01-31` means "shown as 2024-01-31 or earlier in `history`".
public enum DateInput: Hashable, Sendable {
  /// A year, a month or a day, with no time of day.
  case period(year: Int, month: Int?, day: Int?)
  /// An exact instant with its offset.
  case instant(Timestamp)

  /// The years accepted: git's dates start at 1970-01-01T00:00:00Z, and four digits end at 9999.
  static let years = 1970...9999

  /// Whether a commit can hold `timestamp` faithfully: from the epoch to 9999-12-31T23:59:59 in its
  /// own offset (stock git reads later years back wrong), with an offset git's `+HHMM` can write.
  static func isInRange(_ timestamp: Timestamp) -> Bool {
    timestamp.seconds >= 0 && timestamp.wallClockSeconds <= 253_402_300_799
      && abs(timestamp.offsetMinutes) <= 99 * 60 + 59
  }

  /// Parses `text`, or throws `StoreError.badDate` saying which forms are accepted.
  public init(parsing text: String) throws(StoreError) {
    guard let parsed = DateInput.parse(text) else { throw .badDate(text) }
    self = parsed
  }

  /// Whether `version` is on or before the end of this date, comparing wall-clock times for periods.
  public func admitsOnOrBefore(_ version: Timestamp) -> Bool {
    switch self {
    case .period: version.wallClockSeconds <= lastWallClockSecond
    case .instant(let bound): version.seconds <= bound.seconds
    }
  }

  /// Whether `version` is on or after the start of this date, comparing wall-clock times for periods.
  public func admitsOnOrAfter(_ version: Timestamp) -> Bool {
    switch self {
    case .period: version.wallClockSeconds >= firstWallClockSecond
    case .instant(let bound): version.seconds >= bound.seconds
    }
  }

  /// Whether nothing can be on or after this date and on or before `until`, so a `--since` / `--until` pair that matches nothing is refused rather than printing nothing.
  ///
  /// Periods compare wall-clock bounds and instants compare instants; a period against an instant
  /// is never refused, since offsets can make either side the later.
  public func startsAfterTheEnd(of until: DateInput) -> Bool {
    switch (self, until) {
    case (.period, .period): firstWallClockSecond > until.lastWallClockSecond
    case (.instant(let since), .instant(let until)): since.seconds > until.seconds
    default: false
    }
  }

  /// Refuses `--since since --until until` (the texts as typed) when no date can be in both, saying to swap them.
  public static func checkRange(since: String?, until: String?) throws(StoreError) {
    guard let since, let until else { return }
    if try DateInput(parsing: since).startsAfterTheEnd(of: DateInput(parsing: until)) {
      throw .emptyDateRange(since: since, until: until)
    }
  }

  /// The timestamp a version saved with this date gets: a period's first midnight in the local offset.
  public func asOfTimestamp(in timeZone: TimeZone = .current) -> Timestamp {
    switch self {
    case .instant(let timestamp):
      return timestamp
    case .period:
      let wall = firstWallClockSecond
      // The offset is the one in force at that local midnight, found from a first guess at UTC.
      let guess = Date(timeIntervalSince1970: TimeInterval(wall))
      let offset = timeZone.secondsFromGMT(
        for: guess.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess))))
      return Timestamp(seconds: wall - Int64(offset), offsetMinutes: offset / 60)
    }
  }

  private var firstWallClockSecond: Int64 {
    guard case .period(let year, let month, let day) = self else { return 0 }
    return CivilDate(year: year, month: month ?? 1, day: day ?? 1).daysSinceEpoch * 86_400
  }

  private var lastWallClockSecond: Int64 {
    guard case .period(let year, let month, let day) = self else { return 0 }
    let lastMonth = month ?? 12
    let lastDay = day ?? CivilDate.daysIn(month: lastMonth, of: year)
    return CivilDate(year: year, month: lastMonth, day: lastDay).daysSinceEpoch * 86_400 + 86_399
  }

  private static func parse(_ text: String) -> DateInput? {
    let bytes = Array(text.utf8)
    guard bytes.count <= 40 else { return nil }
    var scanner = DigitScanner(bytes: bytes)
    guard let year = scanner.number(digits: 4), years.contains(year) else { return nil }
    if scanner.isAtEnd { return .period(year: year, month: nil, day: nil) }
    guard scanner.skip("-"), let month = scanner.number(digits: 2), (1...12).contains(month) else {
      return nil
    }
    if scanner.isAtEnd { return .period(year: year, month: month, day: nil) }
    guard scanner.skip("-"), let day = scanner.number(digits: 2),
      CivilDate.isValid(year: year, month: month, day: day)
    else { return nil }
    if scanner.isAtEnd { return .period(year: year, month: month, day: day) }
    guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
      let hour = scanner.number(digits: 2), hour < 24,
      scanner.skip(":"), let minute = scanner.number(digits: 2), minute < 60
    else { return nil }
    var second = 0
    if scanner.skip(":") {
      guard let value = scanner.number(digits: 2), value < 60 else { return nil }
      second = value
      // Fractions of a second are accepted and dropped: git keeps whole seconds.
      if scanner.skip(".") || scanner.skip(",") {
        guard scanner.skipDigits() else { return nil }
      }
    }
    guard let offsetMinutes = scanner.offset(), scanner.isAtEnd else { return nil }
    let wall =
      CivilDate(year: year, month: month, day: day).daysSinceEpoch * 86_400
      + Int64(hour * 3600 + minute * 60 + second)
    let seconds = wall - Int64(offsetMinutes) * 60
    // git's dates start at the epoch: 1970-01-01T01:00+02:00 is an hour before it.
    guard seconds >= 0 else { return nil }
    return .instant(Timestamp(seconds: seconds, offsetMinutes: offsetMinutes))
  }
}

/// Reads fixed-width numbers and separators from the bytes of a date.
private struct DigitScanner {
  let bytes: [UInt8]
  var position = 0

  var isAtEnd: Bool { position == bytes.count }

  mutating func number(digits: Int) -> Int? {
    guard position + digits <= bytes.count else { return nil }
    var value = 0
    for byte in bytes[position..<position + digits] {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    position += digits
    return value
  }

  mutating func skip(_ character: Unicode.Scalar) -> Bool {
    guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
    position += 1
    return true
  }

  mutating func skipDigits() -> Bool {
    let start = position
    while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
    {
      position += 1
    }
    return position > start
  }

  /// `Z`, `±HH:MM` or `±HHMM`, in minutes east of UTC.
  mutating func offset() -> Int? {
    if skip("Z") || skip("z") { return 0 }
    let sign: Int
    if skip("+") {
      sign = 1
    } else if skip("-") {
      sign = -1
    } else {
      return nil
    }
    guard let hours = number(digits: 2), hours <= 14 else { return nil }
    _ = skip(":")
    guard let minutes = number(digits: 2), minutes < 60 else { return nil }
    return sign * (hours * 60 + minutes)
  }
}

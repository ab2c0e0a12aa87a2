import Foundation
import Git

/// An instant with the UTC offset it was written in, as git keeps author dates.
public struct Timestamp: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Seconds since the Unix epoch.
  public var seconds: Int64
  /// The offset from UTC in minutes.
  public var offsetMinutes: Int

  /// Makes a timestamp from its parts.
  public init(seconds: Int64, offsetMinutes: Int) {
    self.seconds = seconds
    self.offsetMinutes = offsetMinutes
  }

  /// The time of a commit's author or committer line.
  public init(_ signature: Signature) {
    self.init(seconds: signature.time, offsetMinutes: signature.offsetMinutes)
  }

  /// The current time in the machine's local offset.
  public static func now() -> Timestamp {
    let date = Date()
    return Timestamp(
      seconds: Int64(date.timeIntervalSince1970.rounded(.down)),
      offsetMinutes: TimeZone.current.secondsFromGMT(for: date) / 60)
  }

  /// Seconds since the epoch of the wall-clock time this timestamp shows in its own offset.
  public var wallClockSeconds: Int64 { seconds + Int64(offsetMinutes) * 60 }

  /// The calendar day shown in the timestamp's own offset.
  public var calendarDate: CivilDate {
    CivilDate(daysSinceEpoch: wallClockSeconds.floorDivided(by: 86_400))
  }

  /// The date as RFC 3339 with seconds in its own offset, e.g. `2024-04-08T13:12:18-07:00`.
  public var rfc3339: String {
    let wall = wallClockSeconds
    let date = calendarDate
    let secondOfDay = wall - wall.floorDivided(by: 86_400) * 86_400
    let sign = offsetMinutes < 0 ? "-" : "+"
    let offset = abs(offsetMinutes)
    return "\(date)T\(pad(Int(secondOfDay / 3600)))"
      + ":\(pad(Int(secondOfDay / 60 % 60))):\(pad(Int(secondOfDay % 60)))"
      + "\(sign)\(pad(offset / 60)):\(pad(offset % 60))"
  }

  /// The calendar date in its own offset, e.g. `2024-04-08`.
  public var day: String { calendarDate.description }

  /// The RFC 3339 form.
  public var description: String { rfc3339 }

  /// Orders by instant, ignoring offsets.
  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

  private func pad(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}

extension Timestamp: Encodable {
  /// Encodes the timestamp as its RFC 3339 string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rfc3339)
  }
}

extension Int64 {
  func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}

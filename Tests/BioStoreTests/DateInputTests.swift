import BioStore
import Foundation
import Testing

@Suite struct DateInputTests {
  @Test(arguments: [
    "2024", "2024-01", "2024-02-29", "2024-04-08T13:12:18-07:00", "2024-04-08T13:12Z",
    "2024-04-08 13:12:18.5+0530",
  ])
  func acceptedForms(_ text: String) throws {
    _ = try DateInput(parsing: text)
  }

  @Test(arguments: [
    "", "24", "2024-2", "2024-13", "2023-02-29", "2024-02-30", "2024-04-31", "1969-12-31", "10000",
    "2024-04-08T13:12:18", "2024-04-08T25:00Z", "2024-04-08T13:12:18+15:00", "yesterday",
    "2024-01-01x", "２０２４",
  ])
  func refusedForms(_ text: String) {
    #expect(throws: StoreError.badDate(text)) { try DateInput(parsing: text) }
  }

  @Test func aDayAdmitsVersionsUpToItsLastSecondInTheVersionsOwnOffset() throws {
    let day = try DateInput(parsing: "2024-01-31")
    // 2024-01-31T22:59:59-08:00
    let lateInCalifornia = Timestamp(seconds: 1_706_770_799, offsetMinutes: -480)
    // 2024-02-01T00:00:00+01:00
    let earlyNextDayInBerlin = Timestamp(seconds: 1_706_742_000, offsetMinutes: 60)

    #expect(lateInCalifornia.rfc3339 == "2024-01-31T22:59:59-08:00")
    #expect(earlyNextDayInBerlin.rfc3339 == "2024-02-01T00:00:00+01:00")
    #expect(day.admitsOnOrBefore(lateInCalifornia))
    #expect(!day.admitsOnOrBefore(earlyNextDayInBerlin))
    #expect(!day.admitsOnOrBefore(Timestamp(seconds: 1_706_770_800 + 3600, offsetMinutes: -480)))
  }

  @Test func aMonthAndAYearEndOnTheirLastDay() throws {
    // 2024-02-29T23:59:59Z
    let leapFebruaryEnd = Timestamp(seconds: 1_709_251_199, offsetMinutes: 0)
    let marchFirst = Timestamp(seconds: 1_709_251_200, offsetMinutes: 0)

    #expect(try DateInput(parsing: "2024-02").admitsOnOrBefore(leapFebruaryEnd))
    #expect(!(try DateInput(parsing: "2024-02").admitsOnOrBefore(marchFirst)))
    #expect(try DateInput(parsing: "2024").admitsOnOrBefore(marchFirst))
    #expect(try DateInput(parsing: "2024-03").admitsOnOrAfter(marchFirst))
    #expect(!(try DateInput(parsing: "2024-03").admitsOnOrAfter(leapFebruaryEnd)))
  }

  @Test func anInstantKeepsItsOffsetAndPrintsAsTyped() throws {
    guard case .instant(let timestamp) = try DateInput(parsing: "2024-04-08T13:12:18-07:00") else {
      Issue.record("not an instant")
      return
    }

    #expect(timestamp.seconds == 1_712_607_138)
    #expect(timestamp.offsetMinutes == -420)
    #expect(timestamp.rfc3339 == "2024-04-08T13:12:18-07:00")
  }

  @Test func aSavedDayIsMidnightInTheLocalOffset() throws {
    let timeZone = try #require(TimeZone(identifier: "America/Los_Angeles"))

    let summer = try DateInput(parsing: "2024-07-01").asOfTimestamp(in: timeZone)
    let winter = try DateInput(parsing: "2024-01-01").asOfTimestamp(in: timeZone)

    #expect(summer.rfc3339 == "2024-07-01T00:00:00-07:00")
    #expect(winter.rfc3339 == "2024-01-01T00:00:00-08:00")
  }
}

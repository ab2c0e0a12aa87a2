import Foundation
import Testing

/// End-to-end: a plain `engagements` answered from its kept listing prints exactly what the full path prints, follows every change to the engagement tags (stock git's too), and never believes a listing edited by hand.
@Suite struct EngagementListingCacheTests {
  @Test func theKeptListingIsTheFullOneAndFollowsTheTags() throws {
    let sandbox = try Sandbox.withSampleStore()
    let cold = try sandbox.biostore("engagements")
    let warm = try sandbox.biostore("engagements")
    // A date filter takes the full path, which never reads the kept listing.
    let full = try sandbox.biostore("engagements", "--since", "1970")
    try #require(
      try sandbox.biostore("tag", "cfp", "biosketch", "--date", "2026-01-01").status == 0)
    let tagged = try sandbox.biostore("engagements")
    // A tag deleted with stock git is gone from the listing too.
    try #require(try sandbox.git("tag", "-d", "engagements/cfp").status == 0)
    let untagged = try sandbox.biostore("engagements")

    #expect(cold.status == 0 && warm.status == 0)
    #expect(warm.stdout == cold.stdout && warm.stdout == full.stdout)
    #expect(tagged.stdout.hasPrefix(cold.stdout) && tagged.stdout.contains("2026-01-01  cfp"))
    #expect(untagged.stdout == cold.stdout)
    let tags = try sandbox.git("tag", "-l", "engagements/*").stdout.split(separator: "\n")
    #expect(tags.allSatisfy { cold.stdout.contains($0.dropFirst("engagements/".count)) })
  }

  @Test func aListingEditedByHandIsMadeAgain() throws {
    let sandbox = try Sandbox.withSampleStore()
    let first = try sandbox.biostore("engagements").stdout
    let kept = sandbox.store + "/.git/biostore/index/_engagements.listing"
    var text = try String(contentsOfFile: kept, encoding: .utf8)
    text = text.replacingOccurrences(of: "sc24-tpc", with: "sc99-tpc")
    try text.write(toFile: kept, atomically: true, encoding: .utf8)

    let again = try sandbox.biostore("engagements")

    #expect(again.stdout == first)
    #expect(!again.stdout.contains("sc99"))
  }
}

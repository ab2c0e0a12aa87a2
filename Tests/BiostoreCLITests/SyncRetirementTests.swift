import Foundation
import Testing

/// End-to-end: an engagement retired (`untag`) on one machine is retired on the server and on every other copy, never brought back by the next pull, and never deleted over a record someone else made since.
extension SyncTests {
  @Test(arguments: Transport.allCases)
  func anEngagementRetiredOnOneMachineIsRetiredOnTheOther(transport: Transport) throws {
    let (server, _, a, b) = try twoCopies(over: transport)
    let record = try a.git("rev-parse", "refs/tags/engagements/talk").stdout
    try #require(try b.biostore("untag", "talk").status == 0)

    let bSync = try b.biostore("sync")
    let aSync = try a.biostore("sync")
    let bAgain = try b.biostore("sync")

    #expect(bSync.status == 0, "\(bSync.stderr)")
    #expect(bSync.stdout.contains("Retired on origin, as here: talk"))
    #expect(aSync.status == 0, "\(aSync.stderr)")
    #expect(aSync.stderr.contains("engagement talk was retired on origin; retired here too"))
    #expect(bAgain.status == 0, "\(bAgain.stderr)")
    #expect(!bAgain.stdout.contains("New engagements"))
    let onServer = try a.git(
      "--git-dir", server.folder(of: "bios.git").path, "for-each-ref", "refs/tags/")
    #expect(onServer.status == 0)
    #expect(onServer.stdout.isEmpty)
    for copy in [a, b] {
      #expect(try copy.biostore("engagements").stdout.isEmpty)
      #expect(try copy.git("rev-parse", "refs/biostore/replaced/talk/1").stdout == record)
      #expect(try copy.git("fsck", "--strict").status == 0)
    }
    #expect(try reading(a) == reading(b))
    withExtendedLifetime(server) {}
  }

  @Test func aRetirementIsNotPushedOverARecordMadeElsewhereSince() throws {
    let (daemon, url, a, b) = try twoCopies()
    try #require(try a.biostore("untag", "talk").status == 0)
    try #require(try b.biostore("tag", "--edit", "talk", "--note", "From B").status == 0)
    try #require(try b.biostore("push").status == 0)

    let pushed = try a.biostore("push")
    let synced = try a.biostore("sync")

    #expect(pushed.status == 1)
    #expect(pushed.stderr.contains("changed on the server since it was last fetched"))
    #expect(pushed.stderr.contains("run `biostore pull` first"))
    #expect(pushed.stderr.split(separator: "\n").count == 1)
    #expect(synced.status == 0, "\(synced.stderr)")
    #expect(try a.biostore("engagements", "--json").stdout.contains("From B"))
    #expect(try a.git("ls-remote", url, "refs/tags/engagements/talk").stdout.isEmpty == false)
    withExtendedLifetime(daemon) {}
  }
}

import Foundation
import Git
import Testing

@testable import BioStore

/// A new store in a temporary folder, with the user's git config kept out.
private func withTemporaryStore(_ body: (Store) throws -> Void) throws {
  try GitLibrary.setConfigSearchPath("")
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("biostore-tests-\(UUID().uuidString)").path
  defer { try? FileManager.default.removeItem(atPath: path) }
  _ = try Store.create(at: path, settings: settings)
  try body(try Store(openingAt: path, settings: settings))
}

/// A short lock wait and a fixed login name, so no test depends on the machine's environment.
private let settings = WriterSettings(
  environment: ["USER": "tester", "BIOSTORE_LOCK_TIMEOUT": "0.2"])

extension Store {
  fileprivate func save(_ variant: String, _ text: String, on date: String) throws -> SaveOutcome {
    try save(
      VariantName(variant), text: text, message: "v \(date)", date: DateInput(parsing: date))
  }

  fileprivate func show(_ spec: String) throws -> String {
    try text(of: version(Spec(parsing: spec)))
  }
}

@Suite struct StoreTests {
  @Test func backdatedVersionsAreFoundByDateAndByStepsBack() throws {
    try withTemporaryStore { (store) throws in
      _ = try store.save("biosketch", "NERSC storage\n", on: "2019-06-01")
      _ = try store.save("biosketch", "Azure storage PM\n", on: "2022-06-15")
      _ = try store.save("biosketch", "Principal Engineer\n", on: "2024-04-08T13:12:18-07:00")

      #expect(try store.show("biosketch") == "Principal Engineer\n")
      #expect(try store.show("biosketch@2023-12-31") == "Azure storage PM\n")
      #expect(try store.show("biosketch~1") == "Azure storage PM\n")
      #expect(try store.show("biosketch@2022~1") == "NERSC storage\n")
      #expect(throws: StoreError.self) { try store.show("biosketch@2018") }
      #expect(throws: StoreError.self) { try store.show("biosketch~3") }
    }
  }

  @Test func historyListsVersionsNewestFirstWithWordChanges() throws {
    try withTemporaryStore { (store) throws in
      _ = try store.save("biosketch", "one two three\n", on: "2019")
      _ = try store.save("other", "unrelated\n", on: "2020")
      _ = try store.save("biosketch", "one two four five\n", on: "2021")

      let history = try store.history(of: VariantName("biosketch"))

      #expect(history.map(\.version.date.day) == ["2021-01-01", "2019-01-01"])
      #expect(history.map(\.words) == [4, 3])
      #expect(history.map(\.added) == [2, 3])
      #expect(history.map(\.removed) == [1, 0])
      #expect(
        try store.history(of: VariantName("biosketch"), since: DateInput(parsing: "2020")).count
          == 1)
      #expect(
        try store.history(of: VariantName("biosketch"), until: DateInput(parsing: "2020")).count
          == 1)
      #expect(try store.history(of: VariantName("biosketch"), limit: 1).count == 1)
    }
  }

  @Test func listCountsVersionsPerVariant() throws {
    try withTemporaryStore { (store) throws in
      _ = try store.save("biosketch", "a b\n", on: "2019")
      _ = try store.save("biosketch", "a b c\n", on: "2020")
      _ = try store.save("long", "x\n", on: "2020")

      let list = try store.variants()

      #expect(list.map(\.variant.rawValue) == ["biosketch", "long"])
      #expect(list.map(\.versions) == [2, 1])
      #expect(list.map(\.words) == [3, 1])
    }
  }

  @Test func unchangedTextRecordsNothing() throws {
    try withTemporaryStore { (store) throws in
      _ = try store.save("biosketch", "same\n", on: "2019")
      let tip = try store.tip()

      let outcome = try store.save("biosketch", "same\n", on: "2020")

      #expect(outcome == .unchanged(try VariantName("biosketch")))
      #expect(try store.tip() == tip)
    }
  }

  @Test func anOlderAsOfDateIsRefusedAndTheBranchStays() throws {
    try withTemporaryStore { (store) throws in
      _ = try store.save("biosketch", "new\n", on: "2024")
      let tip = try store.tip()

      #expect(throws: StoreError.self) { try store.save("biosketch", "old\n", on: "2020") }
      #expect(try store.tip() == tip)
    }
  }

  @Test func aHandEditIsNeverOverwrittenAndCanBeSaved() throws {
    try withTemporaryStore { (store) throws in
      _ = try store.save("biosketch", "saved\n", on: "2019")
      try "hand edit\n".write(
        toFile: store.path + "/biosketch.md", atomically: true, encoding: .utf8)

      #expect(throws: StoreError.self) { try store.save("biosketch", "piped\n", on: "2020") }
      let outcome = try store.save(
        VariantName("biosketch"), text: nil, message: nil, date: nil)

      guard case .recorded(let version) = outcome else {
        Issue.record("the hand edit was not recorded")
        return
      }
      #expect(try store.text(of: version) == "hand edit\n")
      #expect(version.message == "Update biosketch")
    }
  }

  @Test func aSecondWriterWaitsForTheLockAndThenGivesUp() throws {
    try withTemporaryStore { (store) throws in
      var held: WriterLock? = try WriterLock(in: store.privateDirectory, timeout: 1)

      #expect(throws: StoreError.lockTimeout(seconds: 0.2)) {
        try store.save("biosketch", "text\n", on: "2019")
      }
      #expect(held != nil)
      held = nil
      _ = try store.save("biosketch", "text\n", on: "2019")
    }
  }

  @Test func aWriterThatDiedAfterMovingTheBranchIsFinishedByTheNextCommand() throws {
    try withTemporaryStore { (store) throws in
      _ = try store.save("biosketch", "old\n", on: "2019")
      let variant = try VariantName("biosketch")
      let parent = try store.tipCommit()
      let oldBlob = try store.variantFiles(of: parent)[variant]
      // Simulate a crash: the journal is written and the branch moved, but the work tree still holds the old text.
      let newBytes = Array("new\n".utf8)
      try WriteJournal(changes: [
        .init(variant: "biosketch", oldBlob: oldBlob, newBlob: store.blobID(of: newBytes))
      ]).write(in: store.privateDirectory)
      let commit = try store.repository.createCommit(
        tree: store.repository.writeTree(
          base: parent?.treeID, changes: ["biosketch.md": store.repository.writeBlob(newBytes)]),
        parents: [parent!.id],
        author: Signature(name: "t", email: "t@t", time: 1_700_000_000, offsetMinutes: 0),
        committer: Signature(name: "t", email: "t@t", time: 1_700_000_000, offsetMinutes: 0),
        message: "new\n")
      try store.repository.updateReference(
        store.branch, to: commit, expecting: parent?.id, logMessage: "t")
      _ = FileManager.default.createFile(
        atPath: store.repository.gitDirectory + "index.lock", contents: Data())

      let outcome = try store.save("biosketch", "newer\n", on: "2024")

      #expect(outcome != .unchanged(variant))
      #expect(try store.show("biosketch~1") == "new\n")
      #expect(
        try String(contentsOfFile: store.path + "/biosketch.md", encoding: .utf8) == "newer\n")
      #expect(
        !FileManager.default.fileExists(atPath: WriteJournal.path(in: store.privateDirectory)))
    }
  }

  @Test func aBranchMovedByAnotherToolDuringAWriteIsReportedAndNothingIsHalfWritten() throws {
    try withTemporaryStore { (store) throws in
      _ = try store.save("biosketch", "old\n", on: "2019")
      let stale = try store.tipCommit()
      // Another tool moves the branch after this writer read its parent.
      _ = try store.save("biosketch", "moved\n", on: "2020")
      let moved = try store.tipCommit()

      #expect(throws: StoreError.concurrentUpdate) {
        _ = try store.withWriterLock { (writer) throws(StoreError) in
          try writer.commitVersions(
            [
              PendingVersion(
                variant: try VariantName("biosketch"), bytes: Array("lost?\n".utf8), message: "m",
                asOf: Timestamp(seconds: 1_700_000_000, offsetMinutes: 0))
            ],
            parent: stale)
        }
      }
      #expect(try store.tipCommit() == moved)
      #expect(
        try String(contentsOfFile: store.path + "/biosketch.md", encoding: .utf8) == "moved\n")
      #expect(
        !FileManager.default.fileExists(atPath: WriteJournal.path(in: store.privateDirectory)))
    }
  }
}

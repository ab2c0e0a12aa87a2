import Foundation
import Git

/// biostore's recent writes, oldest first, that `undo` takes back newest first: each write's reference moves and deletions, its summary and when it was recorded, in `.git/biostore/writes`.
///
/// An entry is added once its write is recorded (its first reference moved), by the writer or by
/// whoever finishes a dead writer's journal, and only once. The log is a convenience, not the truth:
/// a lost or damaged log only means `undo` cannot go back past it; what was replaced stays under
/// `refs/biostore/replaced/` either way. It keeps the last `capacity` writes.
struct WriteLog {
  /// One recorded write.
  struct Entry: Codable, Equatable {
    /// What the write was, as its commit message or command says.
    var summary: String
    /// When it was recorded (seconds since 1970).
    var recordedAt: Int64
    /// The references it moved.
    var references: [WriteJournal.ReferenceMove]
    /// The references it deleted.
    var deletions: [WriteJournal.ReferenceDeletion]
    /// The newest commit the branch's lines before and after share, when the write rewrote it.
    var sharedBase: ObjectID?
  }

  /// How many writes are kept.
  static let capacity = 100

  /// The folder it lives in (`.git/biostore`).
  let directory: String

  /// The log's file.
  var path: String { directory + "/writes" }

  /// The entries, oldest first; a line that cannot be read (damaged, or cut off by a crash) is skipped.
  func entries() -> [Entry] {
    guard let bytes = try? UnfollowedFile.read(path, limit: 64 << 20) else { return [] }
    let decoder = JSONDecoder()
    return bytes.split(separator: UInt8(ascii: "\n")).compactMap { line in
      try? decoder.decode(Entry.self, from: Data(line))
    }
  }

  /// Adds `entry` unless it is already the newest (a journal finished twice), keeping the last `capacity`.
  func append(_ entry: Entry) throws(StoreError) {
    var entries = entries()
    guard entries.last.map({ !$0.isSameWrite(as: entry) }) ?? true else { return }
    entries.append(entry)
    try write(Array(entries.suffix(WriteLog.capacity)))
  }

  /// Takes the newest entry out, after `undo` took its write back.
  func removeNewest() throws(StoreError) {
    try write(Array(entries().dropLast()))
  }

  private func write(_ entries: [Entry]) throws(StoreError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var bytes: [UInt8] = []
    for entry in entries {
      guard let line = try? encoder.encode(entry) else { continue }
      bytes += Array(line) + [UInt8(ascii: "\n")]
    }
    try AtomicFile.write(bytes, to: path, scratchDirectory: directory)
  }
}

extension WriteLog.Entry {
  /// The entry for a recorded `journal`.
  init(_ journal: WriteJournal, summary: String) {
    self.init(
      summary: summary, recordedAt: Int64(Date().timeIntervalSince1970),
      references: journal.references, deletions: journal.deletions,
      sharedBase: journal.sharedBase)
  }

  /// Whether both entries record the same reference changes, whenever they were logged.
  func isSameWrite(as other: WriteLog.Entry) -> Bool {
    references == other.references && deletions == other.deletions
  }
}

import Foundation
import Git

/// What a writer is about to do, written under the lock once its objects exist and before the first reference moves, so the next command can finish or forget a write that died.
///
/// The first reference move is the point of no return: once it has happened the write *is* recorded
/// and whoever finds the journal finishes the rest (the other references, the work-tree files, git's
/// index); before it, nothing was recorded and the journal is dropped.
struct WriteJournal: Codable, Equatable {
  /// One variant file the write changes.
  struct FileChange: Codable, Equatable {
    /// The variant whose file is being written.
    var variant: String
    /// The file's blob in the branch tip before the write, nil if it had none.
    var oldBlob: ObjectID?
    /// The blob the file will hold afterwards, nil when it is being deleted.
    var newBlob: ObjectID?
  }

  /// One reference the write moves by compare-and-swap.
  struct ReferenceMove: Codable, Equatable {
    /// The full reference name (`refs/heads/main`, `refs/tags/engagements/x`).
    var name: String
    /// Where it points before the write, nil when it does not exist yet.
    var old: ObjectID?
    /// Where it points afterwards.
    var new: ObjectID
  }

  /// One reference the write deletes by compare-and-swap (an undone tag), after every move.
  struct ReferenceDeletion: Codable, Equatable {
    /// The full reference name.
    var name: String
    /// Where it points before the write.
    var old: ObjectID
  }

  /// Every variant file the write changes, with its final blob.
  var changes: [FileChange]
  /// The references to move, in order; the first is the point of no return.
  var references: [ReferenceMove] = []
  /// The references to delete once every move is done; never the first step, so a write always begins by moving one.
  var deletions: [ReferenceDeletion] = []
  /// What the write goes into the write log as, for `undo`; nil for an undo, which takes an entry out instead.
  var summary: String? = nil
  /// The newest commit the branch's old and new line share, when the write rewrote the line (an insert, an amend, an undo), so the history index is cut back to it rather than built again.
  var sharedBase: ObjectID? = nil

  /// The journal's file inside `.git/biostore`.
  static func path(in directory: String) -> String { directory + "/journal" }

  /// Whether a journal was left in `directory`.
  static func exists(in directory: String) -> Bool {
    var status = stat()
    return lstat(path(in: directory), &status) == 0
  }

  /// Reads the journal left in `directory`, or nil when there is none (or it cannot be read, a link or damaged, and so is never acted on).
  static func read(in directory: String) -> WriteJournal? {
    guard let bytes = try? UnfollowedFile.read(path(in: directory), limit: 64 << 20),
      let journal = try? JSONDecoder().decode(WriteJournal.self, from: Data(bytes)),
      journal.isWellFormed
    else { return nil }
    return journal
  }

  /// Whether every name in the journal is one biostore could have written: full reference names
  /// under `refs/` and valid variant names, so a planted journal naming `../../file` never reaches
  /// a path (the lock files cleared beside each reference).
  var isWellFormed: Bool {
    references.allSatisfy { Repository.isValidReferenceName($0.name) }
      && deletions.allSatisfy { Repository.isValidReferenceName($0.name) }
      && changes.allSatisfy { (try? VariantName($0.variant)) != nil }
  }

  /// Writes the journal atomically (temporary file, fsync, rename).
  func write(in directory: String) throws(StoreError) {
    do {
      let data = try JSONEncoder().encode(self)
      try AtomicFile.write(
        Array(data), to: WriteJournal.path(in: directory), scratchDirectory: directory)
    } catch let error as StoreError {
      throw error
    } catch {
      throw .storage("cannot write the journal in \(directory) (\(error.localizedDescription))")
    }
  }

  /// Removes the journal: the write it described is complete (or was never recorded).
  static func remove(in directory: String) {
    unlink(path(in: directory))
  }

  enum CodingKeys: String, CodingKey {
    case changes, references, deletions, summary, sharedBase
  }

  init(changes: [FileChange], references: [ReferenceMove] = []) {
    self.changes = changes
    self.references = references
  }

  /// Reads a journal, also one written before journals named their references.
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    changes = try container.decode([FileChange].self, forKey: .changes)
    references = try container.decodeIfPresent([ReferenceMove].self, forKey: .references) ?? []
    deletions =
      try container.decodeIfPresent([ReferenceDeletion].self, forKey: .deletions) ?? []
    summary = try container.decodeIfPresent(String.self, forKey: .summary)
    sharedBase = try container.decodeIfPresent(ObjectID.self, forKey: .sharedBase)
  }
}

import Foundation
import Git

/// What a writer is about to do, written under the lock before the first change so the next writer can finish or undo a crashed one.
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

  /// Every variant file the write changes, with its final blob.
  var changes: [FileChange]

  /// The journal's file inside `.git/biostore`.
  static func path(in directory: String) -> String { directory + "/journal" }

  /// Reads the journal left in `directory`, or nil when there is none (or it was cut short, and so never acted on).
  static func read(in directory: String) -> WriteJournal? {
    guard let data = FileManager.default.contents(atPath: path(in: directory)) else { return nil }
    return try? JSONDecoder().decode(WriteJournal.self, from: data)
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

  /// Removes the journal: the write it described is complete.
  static func remove(in directory: String) {
    unlink(path(in: directory))
  }
}

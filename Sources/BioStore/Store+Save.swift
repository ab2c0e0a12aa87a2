import Foundation
import Git

extension Store {
  /// Records `text` as a new version of `variant`, or the hand-edited work-tree file when `text` is nil.
  ///
  /// Refuses, leaving the branch where it was, when the work-tree file holds unsaved hand edits that
  /// `text` would overwrite, or when the as-of date (default: now, read under the lock) is older than
  /// the variant's latest version. Unchanged text records nothing.
  ///
  /// With `draft` (from `edit`), the save is a compare-and-swap: if the variant's latest version is
  /// no longer the one the draft began from, nothing is recorded and `text` is kept in a file the
  /// error names.
  public func save(
    _ variant: VariantName, text: String?, message: String?, date: DateInput?,
    replacing draft: EditDraft? = nil, environment: [String: String]
  ) throws(StoreError) -> SaveOutcome {
    try withWriterLock(environment: environment) { () throws(StoreError) -> SaveOutcome in
      let parent = try tipCommit()
      let tipBlob = try variantFiles(of: parent)[variant]
      let latest = try index.latestChange(of: variant)
      if let draft, latest.commit != draft.baseChange {
        throw .changedWhileEditing(
          variant: variant.rawValue, latest: latest.isRemoved ? nil : latest.newestText?.id)
      }
      let workTree = try workTreeBlob(of: variant)
      let newText: String
      if let text {
        newText = text
      } else if let workTree {
        newText = try VersionText.validated(workTree.bytes)
      } else {
        throw .nothingToSave(variant: variant.rawValue, path: workTreePath(of: variant))
      }
      let bytes = Array(newText.utf8)
      let newBlob = try blobID(of: bytes)
      if let workTree, workTree.id != tipBlob, workTree.id != newBlob {
        throw .handEdited(path: workTreePath(of: variant), variant: variant.rawValue)
      }
      guard newBlob != tipBlob else { return .unchanged(variant) }
      let asOf = date?.asOfTimestamp() ?? .now()
      if let newest = latest.newestText, asOf < newest.date {
        throw .dateBeforeLatest(variant: variant.rawValue, date: asOf, latest: newest.date)
      }
      let note =
        message.flatMap { $0.trimmingWhitespace.isEmpty ? nil : String($0.trimmingWhitespace) }
        ?? (latest.newestText == nil ? "Add \(variant)" : "Update \(variant)")
      let commitID = try commitFile(
        variant, bytes: bytes, message: note, asOf: asOf, parent: parent, environment: environment)
      let commit = try storage { () throws(GitError) in try repository.commit(commitID) }
      return .recorded(Version(variant: variant, commit: commit, blobID: newBlob, lineIndex: 0))
    }
  }
}

extension String {
  var trimmingWhitespace: Substring { self[...].trimmingWhitespace }
}

extension Store {
  /// The draft `edit` starts from: the latest version, or nothing for a new variant; refuses when the work-tree file has unsaved hand edits.
  public func editDraft(of variant: VariantName) throws(StoreError) -> EditDraft {
    let tipBlob = try variantFiles(of: tipCommit())[variant]
    if let workTree = try workTreeBlob(of: variant), workTree.id != tipBlob {
      throw .handEdited(path: workTreePath(of: variant), variant: variant.rawValue)
    }
    return EditDraft(
      variant: variant, bytes: try tipBlob.map(bytes(ofBlob:)) ?? [],
      baseChange: try index.latestChange(of: variant).commit)
  }

  /// Saves what the editor returned for `draft`; when that fails for any reason (not UTF-8, a
  /// version recorded meanwhile, a hand edit, a busy lock, a full disk) the text is kept in
  /// `.git/biostore-unsaved/` and the error names the file, so an edit is never lost.
  public func saveEdit(
    _ draft: EditDraft, edited: [UInt8], message: String?, environment: [String: String]
  ) throws(StoreError) -> SaveOutcome {
    do {
      let text = try VersionText.validated(edited)
      return try save(
        draft.variant, text: text, message: message, date: nil, replacing: draft,
        environment: environment)
    } catch {
      throw .editNotSaved(
        error, variant: draft.variant.rawValue, keptAt: try? keepUnsaved(edited, of: draft.variant))
    }
  }

  /// Keeps a text that could not be saved in `.git/biostore-unsaved/`, outside the caches, and returns its path.
  func keepUnsaved(_ bytes: [UInt8], of variant: VariantName) throws(StoreError) -> String {
    let folder = repository.gitDirectory + "biostore-unsaved"
    let stamp = Timestamp.now().rfc3339.replacingOccurrences(of: ":", with: "-")
    if let problem = Store.ownFolderProblem(in: repository.gitDirectory) { throw problem }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .notRecorded("cannot keep your text in \(folder) (\(error.localizedDescription))")
    }
    // Never over another kept text: two failed edits in one second get two files.
    var file = folder + "/\(variant)-\(stamp).md"
    var copy = 1
    var status = stat()
    while lstat(file, &status) == 0 {
      copy += 1
      file = folder + "/\(variant)-\(stamp)-\(copy).md"
    }
    do {
      try AtomicFile.write(bytes, to: file, scratchDirectory: privateDirectory)
    } catch {
      throw error.beforeAnythingWasRecorded
    }
    return file
  }
}

import Foundation
import Git

extension Store {
  /// Records `text` as a new version of `variant`, or the hand-edited work-tree file when `text` is nil.
  ///
  /// Refuses, leaving the branch where it was, when the work-tree file holds unsaved hand edits that
  /// `text` would overwrite, or when the as-of date (default: now, read under the lock) is older than
  /// the variant's latest version, or (unless `allowingFuture`) more than a day after now, which
  /// is most likely a typo that would make every later save's date look older. Unchanged text
  /// records nothing.
  ///
  /// With `inserting`, an as-of date older than the latest version is not refused: the version is
  /// put in its place in date order and every later commit is written again on top, as a rebase
  /// would (`insertVersions`); the text must then be given, not read from the work tree.
  ///
  /// With `draft` (from `edit`), the save is a compare-and-swap: if the variant's latest version is
  /// no longer the one the draft began from, nothing is recorded and `text` is kept in a file the
  /// error names.
  public func save(
    _ variant: VariantName, text: String?, message: String?, date: DateInput?,
    allowingFuture: Bool = false, inserting: Bool = false, rewritingShared: Bool = false,
    replacing draft: EditDraft? = nil
  ) throws(StoreError) -> SaveOutcome {
    try withWriterLock { (writer) throws(StoreError) -> SaveOutcome in
      let parent = try tipCommit()
      let tipBlob = try variantFiles(of: parent)[variant]
      let latest = try index.latestChange(of: variant)
      if let draft, latest.commit != draft.baseChange {
        throw .changedWhileEditing(
          variant: variant.rawValue, latest: latest.isRemoved ? nil : latest.newestText?.id)
      }
      let newText: String
      if let text {
        newText = text
      } else if let file = try workTree.file(of: variant) {
        newText = try VersionText.validated(file.bytes)
      } else {
        throw .nothingToSave(variant: variant.rawValue, path: workTree.path(of: variant))
      }
      let bytes = Array(newText.utf8)
      let newBlob = try blobID(of: bytes)
      try workTree.refuseUnsavedEdits(of: variant, tipBlob: tipBlob, alsoAllowed: newBlob)
      let now = Timestamp.now()
      let asOf = date?.asOfTimestamp() ?? now
      // An insert is compared with its neighbours where it goes, not with the latest version.
      let goesBelow = inserting && latest.newestVersionDate.map { asOf < $0 } == true
      guard newBlob != tipBlob || goesBelow else { return .unchanged(variant) }
      if !allowingFuture, asOf.seconds > now.seconds + 86_400 {
        throw .futureDate(variant: variant.rawValue, date: asOf)
      }
      let note =
        message.flatMap { $0.trimmingWhitespace.isEmpty ? nil : String($0.trimmingWhitespace) }
        ?? (latest.newestText == nil ? "Add \(variant)" : "Update \(variant)")
      if let newest = latest.newestVersionDate, asOf < newest {
        guard inserting else {
          throw .dateBeforeLatest(variant: variant.rawValue, date: asOf, latest: newest)
        }
        guard text != nil else { throw .insertNeedsText(variant: variant.rawValue) }
        let insertion = try insertVersions(
          [PendingVersion(variant: variant, bytes: bytes, message: note, asOf: asOf)],
          writer: writer, refusingSameAsNext: true, allowingSharedRewrite: rewritingShared)
        guard let commitID = insertion.recorded.last else {
          throw .insertSameAsBefore(variant: variant.rawValue, date: asOf)
        }
        let commit = try storage { () throws(GitError) in try repository.commit(commitID) }
        return .inserted(
          Version(variant: variant, commit: commit, blobID: newBlob, lineIndex: nil),
          replayed: insertion.replayed, keptTip: insertion.keptTip)
      }
      let commitID = try writer.commitFile(
        variant, bytes: bytes, message: note, asOf: asOf, parent: parent,
        summary: "save \(variant) as of \(asOf.rfc3339)")
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
    try workTree.refuseUnsavedEdits(of: variant, tipBlob: tipBlob)
    return EditDraft(
      variant: variant, bytes: try tipBlob.map(bytes(ofBlob:)) ?? [],
      baseChange: try index.latestChange(of: variant).commit)
  }

  /// Saves what the editor returned for `draft`; when that fails for any reason (not UTF-8, a
  /// version recorded meanwhile, a hand edit, a busy lock, a full disk) the text is kept in
  /// `.git/biostore-unsaved/` and the error names the file, so an edit is never lost.
  public func saveEdit(
    _ draft: EditDraft, edited: [UInt8], message: String?
  ) throws(StoreError) -> SaveOutcome {
    do {
      let text = try VersionText.validated(edited)
      return try save(draft.variant, text: text, message: message, date: nil, replacing: draft)
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

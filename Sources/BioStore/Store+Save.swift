import Git

extension Store {
  /// Records `text` as a new version of `variant`, or the hand-edited work-tree file when `text` is nil.
  ///
  /// Refuses, leaving the branch where it was, when the work-tree file holds unsaved hand edits that
  /// `text` would overwrite, or when the as-of date (default: now, read under the lock) is older than
  /// the variant's latest version. Unchanged text records nothing.
  public func save(
    _ variant: VariantName, text: String?, message: String?, date: DateInput?,
    environment: [String: String]
  ) throws(StoreError) -> SaveOutcome {
    try withWriterLock(environment: environment) { () throws(StoreError) -> SaveOutcome in
      let parent = try tipCommit()
      let tipBlob = try variantFiles(of: parent)[variant]
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
      let timeline = try timeline(of: variant) { !$0.versions.isEmpty }
      if let latest = timeline.versions.first, asOf < latest.date {
        throw .dateBeforeLatest(variant: variant.rawValue, date: asOf, latest: latest.date)
      }
      let note =
        message.flatMap { $0.trimmingWhitespace.isEmpty ? nil : String($0.trimmingWhitespace) }
        ?? (timeline.versions.isEmpty ? "Add \(variant)" : "Update \(variant)")
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
  /// The text `edit` starts from: the latest version, or nothing for a new variant; refuses when the work-tree file has unsaved hand edits.
  public func editableText(of variant: VariantName) throws(StoreError) -> String {
    let tipBlob = try variantFiles(of: tipCommit())[variant]
    if let workTree = try workTreeBlob(of: variant), workTree.id != tipBlob {
      throw .handEdited(path: workTreePath(of: variant), variant: variant.rawValue)
    }
    return try tipBlob.map { blob throws(StoreError) in
      String(decoding: try bytes(ofBlob: blob), as: UTF8.self)
    } ?? ""
  }
}

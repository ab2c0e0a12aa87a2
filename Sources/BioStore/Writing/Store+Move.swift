import Git

extension Store {
  /// Deletes `variant`'s file in one commit; its versions stay in the history and `VARIANT@DATE` still reaches them.
  ///
  /// Refused when the variant has no file in the tip, or when the file holds unsaved hand edits.
  public func remove(
    _ variant: VariantName, message: String?
  ) throws(StoreError) -> ObjectID {
    try withWriterLock { (writer) throws(StoreError) -> ObjectID in
      let parent = try editableTipFile(of: variant).parent
      return try writer.commitFile(
        variant, bytes: nil, message: message ?? "Remove \(variant)", asOf: .now(),
        parent: parent)
    }
  }

  /// Renames `old` to `new` in one commit, text unchanged; `history NEW` goes on into OLD's versions.
  ///
  /// Refused when `old` has no file, `new` already has one (or an unsaved file of that name is in
  /// the work tree), or `old`'s file holds unsaved hand edits.
  public func move(
    _ old: VariantName, to new: VariantName, message: String?
  ) throws(StoreError) -> ObjectID {
    try withWriterLock { (writer) throws(StoreError) -> ObjectID in
      let (parent, files, blob) = try editableTipFile(of: old)
      guard files[new] == nil, try workTree.file(of: new) == nil else {
        throw .variantExists(new.rawValue)
      }
      let commits = try writer.commitVersions(
        [
          PendingVersion(
            variant: new, bytes: try bytes(ofBlob: blob),
            message: message ?? "Rename \(old) to \(new)", asOf: .now(), renamedFrom: old)
        ], parent: parent)
      guard let commit = commits.last else { throw .storage("no commit was written") }
      return commit
    }
  }

  /// The tip, its variant files and `variant`'s blob, refusing when the variant has no file there or its work-tree file holds unsaved hand edits.
  private func editableTipFile(of variant: VariantName) throws(StoreError) -> (
    parent: Commit?, files: [VariantName: ObjectID], blob: ObjectID
  ) {
    let parent = try tipCommit()
    let files = try variantFiles(of: parent)
    guard let blob = files[variant] else {
      throw .unknownVariant(variant.rawValue, known: files.keys.sorted().map(\.rawValue))
    }
    try workTree.refuseUnsavedEdits(of: variant, tipBlob: blob)
    return (parent, files, blob)
  }
}

import Git

/// One revision of the source file whose extracted text differs from each of its parents' texts.
private struct SourceVersion {
  let commit: Commit
  let text: String
  /// The id of `text` as a blob.
  let blob: ObjectID
  /// Where the revision came in the walk, to keep revisions of one second in a stable order.
  let order: Int
}

extension Store {
  /// The trailer that names the source commit of an imported version, so a second run adds only what is new.
  static let importedFromTrailer = "Imported-From:"

  /// Records the history of the file `path` in the repository at `sourcePath` as versions of `variant`: one for each revision whose extracted text differs from its parents'.
  ///
  /// The revisions are those `git log -- PATH` lists (see `SourceFileHistory`), following renames
  /// unless `following` says otherwise, so edits made on a merge's side branch are versions with
  /// their own dates. Each version has its revision's author date, subject and an
  /// `Imported-From:` trailer, and they are recorded in as-of date order: where two branches'
  /// edits interleave, each edit is a version at its own date with its own text, and a merge that
  /// combines them is a version of its own. Texts are compared as bytes. Revisions on or after
  /// `since` are taken; revisions earlier imports recorded are not recorded again, and ones dated
  /// before the variant's latest version, which the store keeps in date order, are left out with a
  /// warning. Everything is written in one lock with one branch update; `progress` hears how many
  /// of the revisions have been read.
  public func importGitHistory(
    from sourcePath: String, path: String, into variant: VariantName, extraction: TextExtraction,
    following: GitImportFollowing = .renames, since: DateInput?, insertingOlder: Bool = false,
    rewritingShared: Bool = false,
    progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
  ) throws(StoreError) -> GitImportOutcome {
    var outcome = GitImportOutcome()
    let (source, revisions) = try Store.revisions(
      of: path, inRepositoryAt: sourcePath, following: following)
    var texts: [ObjectID: TextExtraction.Result] = [:]
    func text(of blob: ObjectID) throws(StoreError) -> TextExtraction.Result {
      if let known = texts[blob] { return known }
      let bytes = try Store.reading(sourcePath) { () throws(GitError) in try source.blob(blob) }
      let result =
        (try? VersionText.validated(bytes)).map { extraction.extract(from: $0) } ?? .noText
      texts[blob] = result
      return result
    }
    var found: [SourceVersion] = []
    var headingSeen = false
    let considered = revisions.filter { revision in
      since.map { $0.admitsOnOrAfter(Timestamp(revision.commit.author)) } ?? true
    }
    for (index, revision) in considered.enumerated() {
      progress(index + 1, considered.count)
      outcome.revisionsRead += 1
      let result = try text(of: revision.blob)
      if result != .noHeading { headingSeen = true }
      guard case .text(let text) = result else {
        outcome.revisionsWithoutText += 1
        continue
      }
      // A version is a change of the text, as bytes: the file may have changed outside the section.
      let parentTexts = try revision.parentBlobs.map { (blob) throws(StoreError) in
        try blob.map(text(of:))
      }
      if parentTexts.contains(where: { Store.sameBytes($0, text) }) {
        continue
      }
      found.append(
        SourceVersion(
          commit: revision.commit, text: text, blob: try blobID(of: Array(text.utf8)), order: index)
      )
    }
    if found.isEmpty, !considered.isEmpty, let heading = extraction.heading {
      throw headingSeen
        ? .sectionEmpty(heading: heading, source: path, quoteOnly: extraction.quoteOnly)
        : .sectionNotFound(heading: heading, source: path, quoteOnly: extraction.quoteOnly)
    }
    return try withWriterLock { (writer) throws(StoreError) -> GitImportOutcome in
      let (pending, older) = try newVersions(
        of: variant, among: found, insertingOlder: insertingOlder, outcome: &outcome)
      let parent = try tipCommit()
      let tipBlob = try variantFiles(of: parent)[variant]
      if !pending.isEmpty || !older.isEmpty {
        try workTree.refuseUnsavedEdits(of: variant, tipBlob: tipBlob)
      }
      let sources = (older + pending).sorted {
        ($0.commit.author.time, $0.order) < ($1.commit.author.time, $1.order)
      }
      let versions = sources.map { version in
        let subject = version.commit.message.prefix { !$0.isNewline }.trimmingWhitespace
        return PendingVersion(
          variant: variant, bytes: Array(version.text.utf8),
          message: "\(subject.isEmpty ? "Import \(variant)" : subject)\n\n"
            + "\(Store.importedFromTrailer) \(version.commit.id.hex)",
          asOf: Timestamp(version.commit.author))
      }
      if older.isEmpty {
        let commits = try writer.commitVersions(
          versions, parent: parent, summary: "import-git \(variant) (\(versions.count) versions)")
        // What was just written is known: reading ten thousand commits back would cost more.
        outcome.recorded = zip(commits, zip(sources, versions)).map { commit, written in
          Version(
            variant: variant, id: commit, blobID: written.0.blob, date: written.1.asOf,
            message: Version.userMessage(written.1.message), lineIndex: nil)
        }
        return outcome
      }
      let insertion = try insertVersions(
        versions, writer: writer, allowingSharedRewrite: rewritingShared)
      outcome.olderInserted = older.count
      outcome.replayed = insertion.replayed
      outcome.keptTip = insertion.keptTip
      // The insertion leaves out a text equal to the one before it, so each commit says its own.
      for id in insertion.recorded {
        let commit = try self.commit(id)
        let file = try variantFiles(of: commit)[variant]
        outcome.recorded.append(
          Version(variant: variant, commit: commit, blobID: file ?? commit.treeID, lineIndex: nil))
      }
      return outcome
    }
  }

  /// Whether `result` is exactly the bytes of `text` (Swift's `==` on strings ignores Unicode normalisation, so NFC and NFD would compare equal).
  private static func sameBytes(_ result: TextExtraction.Result?, _ text: String) -> Bool {
    guard case .text(let other)? = result else { return false }
    return other.utf8.elementsEqual(text.utf8)
  }

  /// The versions of `found` the store does not have yet, sorted by date: not imported before, not equal to the text before them, and not older than the variant's latest version (those are counted in the outcome and warned about).
  private func newVersions(
    of variant: VariantName, among found: [SourceVersion], insertingOlder: Bool,
    outcome: inout GitImportOutcome
  ) throws(StoreError) -> (newer: [SourceVersion], older: [SourceVersion]) {
    // Source commit → the text a store version that names it holds. Anyone can type an
    // `Imported-From:` line into a message, so a revision counts as imported only when that
    // version holds the revision's own text: a forged trailer can never make a text be skipped.
    var imported: [String: Set<ObjectID>] = [:]
    // The variant's versions as text and date: a revision with both is in the store already.
    var storeVersions = Set<String>()
    var latest: (date: Timestamp, blob: ObjectID)?
    // The variant's names back through its renames, as `history` follows them; a rename is not a version.
    var names: Set<VariantName> = [variant]
    try walkMainLine { step in
      let renamedInto = step.renames.filter { names.contains($0.new) }
      for rename in renamedInto { names.insert(rename.old) }
      for change in step.changes where names.contains(change.variant) {
        guard let blob = change.newBlob,
          !renamedInto.contains(where: { $0.new == change.variant })
        else { continue }
        if latest == nil { latest = (Timestamp(step.commit.author), blob) }
        storeVersions.insert("\(blob.hex) \(step.commit.author.time)")
        for line in step.commit.message.split(separator: "\n")
        where line.hasPrefix(Store.importedFromTrailer) {
          imported[
            String(line.dropFirst(Store.importedFromTrailer.count).trimmingWhitespace),
            default: []
          ].insert(blob)
        }
      }
      return true
    }
    // Importers sort first, as DESIGN.md asks: versions are recorded in as-of date order.
    let sorted = found.sorted {
      ($0.commit.author.time, $0.order) < ($1.commit.author.time, $1.order)
    }
    var pending: [SourceVersion] = []
    var older: [SourceVersion] = []
    var previousBlob = latest?.blob
    for version in sorted {
      let blob = version.blob
      if imported[version.commit.id.hex]?.contains(blob) == true {
        outcome.alreadyImported += 1
        continue
      }
      if let latest, Timestamp(version.commit.author) < latest.date {
        // A text the variant had at the revision's own date was seen by an earlier run; any other
        // is a revision an import with --since left out (a text it had again later too: a revert).
        if storeVersions.contains("\(blob.hex) \(version.commit.author.time)") {
          outcome.alreadyImported += 1
        } else {
          older.append(version)
        }
        continue
      }
      guard blob != previousBlob else { continue }
      pending.append(version)
      previousBlob = blob
    }
    if insertingOlder { return (pending, older) }
    if let first = older.first, let last = older.last, let latest {
      outcome.olderLeftOut = older.count
      warn(
        "\(older.count) revision\(older.count == 1 ? "" : "s") dated \(Timestamp(first.commit.author).day) to \(Timestamp(last.commit.author).day) "
          + "\(older.count == 1 ? "is" : "are") not in the store and come\(older.count == 1 ? "s" : "") before \(variant)'s latest version (\(latest.date.day)); "
          + "add --insert to put them in date order (the later commits are written again; the old line is kept under refs/biostore/replaced/)"
      )
    }
    return (pending, [])
  }

  /// The source repository and the revisions of `path` in the history of its HEAD, oldest first by author date.
  private static func revisions(
    of path: String, inRepositoryAt sourcePath: String, following: GitImportFollowing
  ) throws(StoreError) -> (Repository, [SourceFileHistory.Revision]) {
    let source: Repository
    do {
      source = try Repository(openingAt: sourcePath)
    } catch {
      throw .sourceRepository(sourcePath, reason: error.message)
    }
    guard
      let head = try reading(
        sourcePath, { () throws(GitError) in try source.referenceTarget("HEAD") })
    else {
      throw .sourceRepository(sourcePath, reason: "it has no commits")
    }
    let history = try reading(sourcePath) { () throws(GitError) in
      try SourceFileHistory(
        of: normalized(path), from: head, in: source, following: following)
    }
    guard !history.revisions.isEmpty else {
      throw .pathNeverExisted(path, repository: sourcePath)
    }
    let ordered = history.revisions.enumerated().sorted {
      ($0.element.commit.author.time, -$0.offset) < ($1.element.commit.author.time, -$1.offset)
    }.map(\.element)
    return (source, ordered)
  }

  /// `path` as git reads a path from the repository's root: `./about.md`, `pages//about.md` and `pages/about.md/` all name `pages/about.md`.
  private static func normalized(_ path: String) -> String {
    path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
  }

  /// Runs a read of the source repository, turning libgit2's failure into `.sourceRepository`.
  private static func reading<T>(_ sourcePath: String, _ operation: () throws(GitError) -> T)
    throws(StoreError) -> T
  {
    do {
      return try operation()
    } catch {
      throw .sourceRepository(sourcePath, reason: error.message)
    }
  }
}

import Git

/// One revision of the source file whose extracted text differs from the revision before it.
private struct SourceVersion {
  let commit: Commit
  let text: String
}

extension Store {
  /// The trailer that names the source commit of an imported version, so a second run adds only what is new.
  static let importedFromTrailer = "Imported-From:"

  /// Records the history of the file `path` in the repository at `sourcePath` as versions of `variant`: one each time the extracted text changes.
  ///
  /// Walks the first-parent line of the source's HEAD back to the root, following renames of the
  /// file, and takes the revisions oldest first (on or after `since`), each with its author date,
  /// its subject and an `Imported-From:` trailer. Revisions without the section are skipped.
  /// Versions earlier imports recorded are not recorded again. Everything is written in one lock
  /// with one branch update; `progress` hears the number of revisions read so far.
  public func importGitHistory(
    from sourcePath: String, path: String, into variant: VariantName, extraction: TextExtraction,
    since: DateInput?, environment: [String: String], progress: (Int) -> Void = { _ in }
  ) throws(StoreError) -> GitImportOutcome {
    var outcome = GitImportOutcome()
    let revisions = try Store.revisions(
      of: path, inRepositoryAt: sourcePath,
      progress: { count in
        outcome.revisionsRead = count
        progress(count)
      })
    var found: [SourceVersion] = []
    var texts: [ObjectID: String?] = [:]
    var sectionSeen = false
    for (commit, blob, bytes) in revisions {
      if let since, !since.admitsOnOrAfter(Timestamp(commit.author)) { continue }
      let text: String?
      if let cached = texts[blob] {
        text = cached
      } else {
        text = (try? VersionText.validated(bytes())).flatMap { extraction.text(from: $0) }
        texts[blob] = text
      }
      guard let text else {
        outcome.revisionsWithoutText += 1
        continue
      }
      sectionSeen = true
      if found.last?.text != text { found.append(SourceVersion(commit: commit, text: text)) }
    }
    if !sectionSeen, let heading = extraction.heading {
      throw .sectionNotFound(heading: heading, source: path, quoteOnly: extraction.quoteOnly)
    }
    return try withWriterLock(environment: environment) {
      () throws(StoreError) -> GitImportOutcome in
      let pending = try newVersions(of: variant, among: found, outcome: &outcome)
      let parent = try tipCommit()
      let tipBlob = try variantFiles(of: parent)[variant]
      if let workTree = try workTreeBlob(of: variant), workTree.id != tipBlob, !pending.isEmpty {
        throw .handEdited(path: workTreePath(of: variant), variant: variant.rawValue)
      }
      let commits = try commitVersions(
        pending.map { version in
          let subject = version.commit.message.prefix { $0 != "\n" }.trimmingWhitespace
          return PendingVersion(
            variant: variant, bytes: Array(version.text.utf8),
            message: "\(subject.isEmpty ? "Import \(variant)" : subject)\n\n"
              + "\(Store.importedFromTrailer) \(version.commit.id.hex)",
            asOf: Timestamp(version.commit.author))
        }, parent: parent, environment: environment)
      outcome.recorded = try commits.enumerated().map { (index, id) throws(StoreError) in
        let commit = try storage { () throws(GitError) in try repository.commit(id) }
        return Version(
          variant: variant, commit: commit, blobID: try blobID(of: Array(pending[index].text.utf8)),
          lineIndex: commits.count - 1 - index)
      }
      return outcome
    }
  }

  /// The versions of `found` the store does not have yet: those after the last one an earlier import recorded, sorted by date, refused when older than the variant's latest.
  private func newVersions(
    of variant: VariantName, among found: [SourceVersion], outcome: inout GitImportOutcome
  ) throws(StoreError) -> [SourceVersion] {
    var imported = Set<String>()
    var latest: (date: Timestamp, blob: ObjectID)?
    try walkMainLine { step in
      for change in step.changes where change.variant == variant {
        guard let blob = change.newBlob else { continue }
        if latest == nil { latest = (Timestamp(step.commit.author), blob) }
        for line in step.commit.message.split(separator: "\n")
        where line.hasPrefix(Store.importedFromTrailer) {
          imported.insert(
            String(line.dropFirst(Store.importedFromTrailer.count).trimmingWhitespace))
        }
      }
      return true
    }
    let lastImported = found.lastIndex { imported.contains($0.commit.id.hex) }
    outcome.alreadyImported = lastImported.map { $0 + 1 } ?? 0
    var pending = Array(found[(lastImported.map { $0 + 1 } ?? 0)...])
    // Importers sort first, as DESIGN.md asks; a source rebased out of date order is put back in it.
    pending = pending.enumerated().sorted {
      ($0.element.commit.author.time, $0.offset) < ($1.element.commit.author.time, $1.offset)
    }.map(\.element)
    if let first = pending.first, let latest,
      try blobID(of: Array(first.text.utf8)) == latest.blob
    {
      pending.removeFirst()
    }
    if let first = pending.first, let latest, Timestamp(first.commit.author) < latest.date {
      throw .dateBeforeLatest(
        variant: variant.rawValue, date: Timestamp(first.commit.author), latest: latest.date)
    }
    return pending
  }

  /// Every revision of `path` on the first-parent line of the source repository's HEAD, oldest first, following renames backwards; each with a reader of its bytes.
  private static func revisions(
    of path: String, inRepositoryAt sourcePath: String, progress: (Int) -> Void
  ) throws(StoreError) -> [(Commit, ObjectID, () throws(StoreError) -> [UInt8])] {
    let source: Repository
    do {
      source = try Repository(openingAt: sourcePath)
    } catch {
      throw .sourceRepository(sourcePath, reason: error.message)
    }
    func reading<T>(_ operation: () throws(GitError) -> T) throws(StoreError) -> T {
      do {
        return try operation()
      } catch {
        throw .sourceRepository(sourcePath, reason: error.message)
      }
    }
    guard let head = try reading({ () throws(GitError) in try source.referenceTarget("HEAD") })
    else {
      throw .sourceRepository(sourcePath, reason: "it has no commits")
    }
    var revisions: [(Commit, ObjectID, () throws(StoreError) -> [UInt8])] = []
    var currentPath = path
    var commit: Commit? = try reading { () throws(GitError) in try source.commit(head) }
    var read = 0
    while let current = commit {
      let parent = try reading { () throws(GitError) in
        try current.parentIDs.first.map { (id) throws(GitError) in try source.commit(id) }
      }
      let blob = try reading { () throws(GitError) in
        try source.blobID(atPath: currentPath, inTree: current.treeID)
      }
      if let blob {
        read += 1
        progress(read)
        revisions.append(
          (
            current, blob,
            { () throws(StoreError) in
              try reading { () throws(GitError) in try source.blob(blob) }
            }
          ))
        if let parent, parent.treeID != current.treeID,
          try reading({ () throws(GitError) in
            try source.blobID(atPath: currentPath, inTree: parent.treeID)
          }) == nil,
          let renamed = try reading({ () throws(GitError) in
            try source.renameSource(of: currentPath, from: parent.treeID, to: current.treeID)
          })
        {
          currentPath = renamed
        }
      }
      commit = parent
    }
    guard !revisions.isEmpty else { throw .pathNeverExisted(path, repository: sourcePath) }
    return revisions.reversed()
  }
}

import Git

extension Store {
  /// Imports a folder in the export format: every version as a commit with its as-of date and message, every engagement as a tag.
  ///
  /// The folder is read and checked before anything is written. A store that already has one of
  /// its variants or engagements is refused unless `append`, which adds only versions newer than
  /// the variant's latest and only engagements the store lacks. Versions of all variants are
  /// committed in date order in one branch update; tags follow.
  public func importFolder(
    _ path: String, append: Bool, environment: [String: String]
  ) throws(StoreError) -> TransferSummary {
    let folder = try ExportFolder(reading: path)
    return try withWriterLock(environment: environment) {
      () throws(StoreError) -> TransferSummary in
      let history = try mainLineHistory()
      let existingEngagements = Set(try engagementNames())
      if !append {
        let variants = folder.versions.keys.filter { history.versions[$0] != nil }
        let engagements = folder.engagements.map(\.name).filter(existingEngagements.contains)
        guard variants.isEmpty && engagements.isEmpty else {
          throw .importConflict(
            variants: variants.sorted().map(\.rawValue), engagements: engagements.map(\.rawValue))
        }
      }
      var pending: [(file: ExportFolder.VersionFile, order: Int)] = []
      for (variant, files) in folder.versions {
        let latest = history.versions[variant]?.first?.date
        for (order, file) in files.enumerated() where latest.map({ file.date > $0 }) ?? true {
          pending.append((file, order))
        }
      }
      pending.sort {
        ($0.file.date.seconds, $0.file.variant, $0.order)
          < ($1.file.date.seconds, $1.file.variant, $1.order)
      }
      let parent = try tipCommit()
      for variant in Set(pending.map(\.file.variant)) {
        let tipBlob = try variantFiles(of: parent)[variant]
        if let workTree = try workTreeBlob(of: variant), workTree.id != tipBlob {
          throw .handEdited(path: workTreePath(of: variant), variant: variant.rawValue)
        }
      }
      var seen = Set(history.versions.keys)
      let commits = try commitVersions(
        pending.map { entry in
          let variant = entry.file.variant
          let message =
            entry.file.message.isEmpty
            ? (seen.contains(variant) ? "Update \(variant)" : "Add \(variant)") : entry.file.message
          seen.insert(variant)
          return PendingVersion(
            variant: variant, bytes: entry.file.bytes, message: message, asOf: entry.file.date)
        }, parent: parent, environment: environment)
      var summary = TransferSummary()
      var commitOfFile: [String: ObjectID] = [:]
      for (entry, commit) in zip(pending, commits) {
        summary.versions[entry.file.variant, default: 0] += 1
        commitOfFile[entry.file.variant.rawValue + "/" + entry.file.fileName] = commit
      }
      let imported = try mainLineHistory()
      for entry in folder.engagements where !existingEngagements.contains(entry.name) {
        try tagImported(
          entry, folder: folder, commits: commitOfFile, history: imported,
          environment: environment)
        summary.engagements.append(entry.name)
      }
      return summary
    }
  }

  /// Writes the tag of an imported engagement, pinning each version by the commit it became (or, with `--append`, already was).
  private func tagImported(
    _ entry: ExportFolder.EngagementEntry, folder: ExportFolder, commits: [String: ObjectID],
    history: MainLineHistory, environment: [String: String]
  ) throws(StoreError) {
    var pins: [(variant: VariantName, commit: ObjectID)] = []
    for (variant, fileName) in entry.sent {
      if let commit = commits[variant.rawValue + "/" + fileName] {
        pins.append((variant, commit))
      } else if let file = folder.versions[variant]?.first(where: { $0.fileName == fileName }),
        let blob = try? blobID(of: file.bytes),
        let existing = history.versions[variant]?.first(where: {
          $0.blobID == blob && $0.date == file.date
        })
      {
        pins.append((variant, existing.id))
      }
    }
    // The tag points at the newest commit it pins: the one nearest the tip.
    guard
      let newest = pins.min(by: {
        history.lineIndexes[$0.commit] ?? .max < history.lineIndexes[$1.commit] ?? .max
      })
    else { return }
    let message = TagMessage(
      title: entry.title, note: entry.note,
      pins: pins.map { TagMessage.Pin(variant: $0.variant, commit: $0.commit.hex) },
      date: entry.date, venue: entry.venue, limit: entry.limit)
    let tagger = Identity.read(from: repository, environment: environment).signature(at: .now())
    try storage { () throws(GitError) in
      let tagID = try repository.createTag(
        name: entry.name.tagName, target: newest.commit, tagger: tagger, message: message.text)
      try repository.updateReference(
        entry.name.referenceName, to: tagID, expecting: nil,
        logMessage: "biostore: import engagement \(entry.name)")
    }
  }
}

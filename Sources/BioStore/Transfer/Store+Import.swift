import Git

extension Store {
  /// Imports a folder in the export format: every version as a commit with its as-of date and message, every engagement as a tag.
  ///
  /// The folder is read and checked before anything is written. A store that already has one of
  /// its variants or engagements is refused unless `append`, which adds only versions newer than
  /// the variant's latest and only engagements the store lacks. Versions of all variants are
  /// committed in date order in one branch update; tags follow.
  public func importFolder(
    _ path: String, append: Bool
  ) throws(StoreError) -> TransferSummary {
    let folder = try ExportFolder(reading: path)
    var named = Set<EngagementName>()
    for entry in folder.engagements where !named.insert(entry.name).inserted {
      throw .badExport(
        path: path + "/" + ExportFolder.engagementsFile,
        reason: "engagement \(entry.name) is listed twice; give each engagement once")
    }
    return try withWriterLock { (writer) throws(StoreError) -> TransferSummary in
      // Each variant's texts, newest first, as export wrote them.
      var history: [VariantName: [Version]] = [:]
      for variant in try index.variants() {
        let versions = try index.ownVersions(of: variant)
        if !versions.isEmpty { history[variant] = versions }
      }
      let existingEngagements = Set(try engagementReader.names())
      // When each variant's own file last changed: a version, removal or rename not newer is held already.
      var latest: [VariantName: Timestamp] = [:]
      for variant in try index.variants() {
        latest[variant] = try index.ownEntries(of: variant).last?.date
      }
      if !append {
        let named = Set(folder.versions.keys).union(
          folder.events.flatMap { [$0.variant, $0.renamedTo].compactMap { $0 } })
        let variants = named.filter { latest[$0] != nil }
        let engagements = folder.engagements.map(\.name).filter(existingEngagements.contains)
        guard variants.isEmpty && engagements.isEmpty else {
          throw .importConflict(
            variants: variants.sorted().map(\.rawValue), engagements: engagements.map(\.rawValue))
        }
      }
      var newer: [VariantName: [ExportFolder.VersionFile]] = [:]
      var positions: [String: Int] = [:]
      for (variant, files) in folder.versions {
        for (position, file) in files.enumerated() {
          positions[ImportOrder.key(file)] = position
        }
        let kept = files.filter { file in latest[variant].map { file.date > $0 } ?? true }
        if !kept.isEmpty { newer[variant] = kept }
      }
      let events = folder.events.enumerated().map { (number: $0.offset + 1, event: $0.element) }
        .filter { numbered in
          latest[numbered.event.variant].map { numbered.event.date > $0 } ?? true
        }
      let parent = try tipCommit()
      let tipFiles = try variantFiles(of: parent)
      var start: [VariantName: [UInt8]] = [:]
      for (variant, blob) in tipFiles { start[variant] = try bytes(ofBlob: blob) }
      let order = try ImportOrder(
        versions: newer, events: events, positions: positions, start: start,
        known: Set(history.keys), eventsPath: path + "/" + ExportFolder.eventsFile)
      let steps = order.steps
      let touched = Set(
        steps.flatMap { [$0.version.variant, $0.version.renamedFrom].compactMap { $0 } })
      for variant in touched {
        try workTree.refuseUnsavedEdits(of: variant, tipBlob: tipFiles[variant])
      }
      var commitOfFile: [String: (commit: ObjectID, position: Int)] = [:]
      let newEngagements = folder.engagements.filter { !existingEngagements.contains($0.name) }
      let commits = try writer.commitVersions(
        steps.map(\.version), parent: parent, summary: "import \(path)"
      ) {
        (commits) throws(StoreError) -> [WriteJournal.ReferenceMove] in
        for (position, (step, commit)) in zip(steps, commits).enumerated() {
          guard let file = step.file else { continue }
          commitOfFile[ImportOrder.key(file)] = (commit, position)
        }
        return try importedTags(
          newEngagements, folder: folder, commits: commitOfFile, history: history, writer: writer)
      }
      if commits.isEmpty {
        // Nothing new to commit: the engagements are the whole write.
        let moves = try importedTags(
          newEngagements, folder: folder, commits: [:], history: history, writer: writer)
        try writer.record(
          WriteJournal(changes: [], references: moves), summary: "import \(path) (engagements)")
      }
      var summary = TransferSummary()
      for step in steps {
        if let file = step.file {
          summary.versions[file.variant, default: 0] += 1
        } else if step.version.renamedFrom != nil {
          summary.renames += 1
        } else {
          summary.removals += 1
        }
      }
      summary.engagements = newEngagements.map(\.name)
      return summary
    }
  }

  /// Writes the tag objects of imported engagements and returns the reference moves that record them.
  private func importedTags(
    _ entries: [ExportFolder.EngagementEntry], folder: ExportFolder,
    commits: [String: (commit: ObjectID, position: Int)],
    history: [VariantName: [Version]], writer: StoreWriter
  ) throws(StoreError) -> [WriteJournal.ReferenceMove] {
    var moves: [WriteJournal.ReferenceMove] = []
    for entry in entries {
      if let move = try importedTag(
        entry, folder: folder, commits: commits, history: history, writer: writer)
      {
        moves.append(move)
      }
    }
    return moves
  }

  /// Writes the tag object of an imported engagement, pinning each version by the commit it becomes (or, with `--append`, already was), and returns the reference move that records it.
  private func importedTag(
    _ entry: ExportFolder.EngagementEntry, folder: ExportFolder,
    commits: [String: (commit: ObjectID, position: Int)],
    history: [VariantName: [Version]], writer: StoreWriter
  ) throws(StoreError) -> WriteJournal.ReferenceMove? {
    // Pins order by nearness to the tip: new commits (latest first), then existing ones.
    var pins: [(variant: VariantName, commit: ObjectID, nearness: (Int, Int))] = []
    for (variant, fileName) in entry.sent {
      if let new = commits[variant.rawValue + "/" + fileName] {
        pins.append((variant, new.commit, (0, -new.position)))
      } else if let file = folder.versions[variant]?.first(where: { $0.fileName == fileName }),
        let blob = try? blobID(of: file.bytes),
        let existing = history[variant]?.first(where: {
          $0.blobID == blob && $0.date == file.date
        })
      {
        pins.append((variant, existing.id, (1, existing.lineIndex ?? .max)))
      }
    }
    // The tag points at the newest commit it pins: the one nearest the tip.
    guard let newest = pins.min(by: { $0.nearness < $1.nearness }) else { return nil }
    var message = TagMessage(
      title: entry.title, note: entry.note,
      pins: pins.map { TagMessage.Pin(variant: $0.variant, commit: $0.commit.hex) },
      date: entry.date, venue: entry.venue, limit: entry.limit)
    if message.title.isEmpty { message.title = entry.name.rawValue }
    guard !message.text.utf8.contains(0) else {
      throw .nulInMessage(of: "engagement \(entry.name)")
    }
    let tagID = try writer.writeTag(entry.name, on: newest.commit, message: message.text)
    return WriteJournal.ReferenceMove(name: entry.name.referenceName, old: nil, new: tagID)
  }
}

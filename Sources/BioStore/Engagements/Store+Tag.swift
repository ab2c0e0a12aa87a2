import Git

extension Store {
  /// Records engagement `name` as one annotated tag pinning the versions `specs` name; never makes a commit.
  ///
  /// An existing engagement is refused unless `force`, which first keeps the replaced tag object under
  /// `refs/biostore/replaced/NAME/N`, so nothing is lost. Both references move by compare-and-swap
  /// under the writer lock. Returns the engagement as read back from the new tag.
  public func tag(
    _ name: EngagementName, versions specs: [Spec], details: EngagementDetails, force: Bool
  ) throws(StoreError) -> Engagement {
    try withWriterLock { (writer) throws(StoreError) -> Engagement in
      var versions: [Version] = []
      for spec in specs {
        let version = try version(spec)
        guard !versions.contains(where: { $0.variant == version.variant }) else {
          throw .duplicateVariant(version.variant.rawValue)
        }
        versions.append(version)
      }
      let existing = try engagementReader.target(of: name)
      if existing != nil, !force {
        throw .engagementExists(name.rawValue, date: try engagement(named: name)?.date ?? .epoch)
      }
      let now = Timestamp.now()
      var message = TagMessage(
        title: details.title ?? "",
        note: details.note.map { String($0.trimmingWhitespace) } ?? "",
        pins: versions.map { TagMessage.Pin(variant: $0.variant, commit: $0.id.hex) },
        date: details.date ?? now.calendarDate, venue: details.venue, limit: details.limit)
      if message.title.isEmpty { message.title = name.rawValue }
      guard !message.text.utf8.contains(0) else { throw .nulInMessage(of: "engagement \(name)") }
      // The tag points at the newest commit it pins: nearest the tip, else the latest committed.
      let target = versions.min { left, right in
        (left.lineIndex ?? .max, -left.date.seconds) < (
          right.lineIndex ?? .max, -right.date.seconds
        )
      }
      guard let target else { throw .badSpec("", reason: "name at least one version to tag") }
      let tagID = try writer.writeTag(
        name, on: target.id, message: message.text, tagger: writer.identity.signature(at: now))
      let keptName = existing == nil ? nil : try nextReplacedName(under: name.replacedPrefix)
      var moves: [WriteJournal.ReferenceMove] = []
      if let existing, let keptName {
        // The old tag is kept first, so the moment the engagement changes its old tag is reachable.
        moves.append(WriteJournal.ReferenceMove(name: keptName, old: nil, new: existing))
      }
      moves.append(WriteJournal.ReferenceMove(name: name.referenceName, old: existing, new: tagID))
      try writer.record(
        WriteJournal(changes: [], references: moves), summary: "tag engagement \(name)")
      guard let engagement = try engagement(named: name) else {
        throw .unreadableEngagement(name.rawValue)
      }
      return engagement
    }
  }
}

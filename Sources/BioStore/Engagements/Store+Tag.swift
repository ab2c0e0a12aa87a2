import Git

extension Store {
  /// Records engagement `name` as one annotated tag pinning the versions `specs` name; never makes a commit.
  ///
  /// An existing engagement is refused unless `force`, which first keeps the replaced tag object under
  /// `refs/biostore/replaced/NAME/N`, so nothing is lost, and carries over every field `details`
  /// does not give again (and the versions, when `specs` is empty), so changing only the note
  /// changes only the note; an empty title, venue or note given again clears it. Both references
  /// move by compare-and-swap under the writer lock. With `mustExist` (`tag --edit`), a name
  /// that is not an engagement yet is refused rather than recorded.
  public func tag(
    _ name: EngagementName, versions specs: [Spec], details: EngagementDetails, force: Bool,
    mustExist: Bool = false
  ) throws(StoreError) -> TagOutcome {
    try withWriterLock { (writer) throws(StoreError) -> TagOutcome in
      let existing = try engagementReader.target(of: name)
      if mustExist, existing == nil {
        throw .unknownEngagement(
          name.rawValue, known: try engagementReader.names().map(\.rawValue))
      }
      if existing != nil, !force {
        throw .engagementExists(name.rawValue, date: try engagement(named: name)?.date ?? .epoch)
      }
      let replaced = try existing.map { (target) throws(StoreError) in
        try engagementReader.tag(name, at: target)
      }
      // Each pin names the variant as the person named it: after `mv short speaker`, `speaker`
      // pins the version saved as `short`, and every reader finds it under `speaker`.
      var pins: [TagMessage.Pin] = []
      var versions: [Version] = []
      for spec in specs {
        guard !pins.contains(where: { $0.variant == spec.variant }) else {
          throw .duplicateVariant(spec.variant.rawValue)
        }
        let version = try version(spec)
        pins.append(TagMessage.Pin(variant: spec.variant, commit: version.id.hex))
        versions.append(version)
      }
      let now = Timestamp.now()
      // A title that is only the name is no title of its own: it is not reported as kept.
      var old = replaced?.message
      if old?.title == name.rawValue { old?.title = "" }
      var (message, kept) = TagMessage.merging(
        details, pins: pins, over: old, today: now.calendarDate)
      if message.title.isEmpty { message.title = name.rawValue }
      guard !message.text.utf8.contains(0) else { throw .nulInMessage(of: "engagement \(name)") }
      // The tag points at the newest commit it pins: nearest the tip, else the latest committed;
      // versions carried over keep the replaced tag's commit.
      let target =
        versions.min { left, right in
          (left.lineIndex ?? .max, -left.date.seconds) < (
            right.lineIndex ?? .max, -right.date.seconds
          )
        }?.id ?? (specs.isEmpty ? replaced?.commit : nil)
      guard let target else { throw .badSpec("", reason: "name at least one version to tag") }
      if specs.isEmpty { kept.append("versions") }
      let tagID = try writer.writeTag(
        name, on: target, message: message.text, tagger: writer.identity.signatureNow())
      let keptName = existing == nil ? nil : try nextReplacedName(under: name.replacedPrefix)
      var moves: [WriteJournal.ReferenceMove] = []
      if let existing, let keptName {
        // The old tag is kept first, so the moment the engagement changes its old tag is reachable.
        moves.append(WriteJournal.ReferenceMove(name: keptName, old: nil, new: existing))
      }
      moves.append(WriteJournal.ReferenceMove(name: name.referenceName, old: existing, new: tagID))
      try writer.record(
        WriteJournal(changes: [], references: moves),
        summary: existing == nil ? "tag \(name)" : "tag \(name) again (replacing its record)")
      guard let engagement = try engagement(named: name) else {
        throw .unreadableEngagement(name.rawValue)
      }
      return TagOutcome(engagement: engagement, kept: kept, replacedTag: keptName)
    }
  }
}

/// The one order in which an import commits a folder's version files, removals and renames: by date, each variant's files in their order, each event after the files it names and before its variants' later files, checked against what each variant holds at each point.
///
/// Versions of different variants in one second may swap places, which changes no variant's
/// history; a version and an event of the same variant never do, because `after:` says which
/// files came first.
struct ImportOrder {
  /// One commit to make: a version file, or a removal or rename from `events.yaml`.
  struct Step {
    /// The commit, as the writer takes it.
    var version: PendingVersion
    /// The version file it records, nil for an event.
    var file: ExportFolder.VersionFile?
  }

  /// The commits, in order.
  private(set) var steps: [Step] = []

  /// Orders `versions` (each variant's files to import, oldest first) and `events` (with their numbers in `events.yaml`) over a store whose variants hold `start`.
  ///
  /// `positions` gives each `VARIANT/FILE` its place among all of its variant's files in the
  /// folder; `known` names the variants that already had a version, for the default messages.
  init(
    versions: [VariantName: [ExportFolder.VersionFile]],
    events: [(number: Int, event: ExportFolder.Event)],
    positions: [String: Int], start: [VariantName: [UInt8]], known: Set<VariantName>,
    eventsPath: String
  ) throws(StoreError) {
    var next: [VariantName: Int] = [:]
    var eventIndex = 0
    var holding = start
    var known = known
    let pendingFiles = Set(versions.values.flatMap { $0.map(ImportOrder.key) })
    var done = Set<String>()
    let total = versions.values.reduce(0) { $0 + $1.count } + events.count
    while steps.count < total {
      // A variant's file waits for the next event that names the variant, unless it comes
      // before that event's `after:` file for the variant.
      func waits(_ file: ExportFolder.VersionFile) -> Bool {
        guard
          let event = events[eventIndex...].first(where: { $0.event.names(file.variant) })?.event
        else { return false }
        let prefix = file.variant.rawValue + "/"
        let limit = event.after.first { $0.hasPrefix(prefix) }.flatMap { positions[$0] } ?? -1
        return (positions[ImportOrder.key(file)] ?? 0) > limit
      }
      var candidate: (date: Int64, variant: VariantName, file: ExportFolder.VersionFile)?
      for (variant, files) in versions {
        let position = next[variant, default: 0]
        guard position < files.count else { continue }
        let file = files[position]
        guard !waits(file) else { continue }
        if candidate.map({ (file.date.seconds, variant) < ($0.date, $0.variant) }) ?? true {
          candidate = (file.date.seconds, variant, file)
        }
      }
      let event = eventIndex < events.count ? events[eventIndex] : nil
      let eventReady =
        event.map { $0.event.after.allSatisfy { !pendingFiles.contains($0) || done.contains($0) } }
        ?? false
      if let event, eventReady, candidate.map({ event.event.date.seconds < $0.date }) ?? true {
        steps.append(
          try ImportOrder.step(for: event, holding: &holding, eventsPath: eventsPath))
        eventIndex += 1
      } else if let (_, variant, file) = candidate {
        let message =
          file.message.isEmpty
          ? (known.contains(variant) ? "Update \(variant)" : "Add \(variant)") : file.message
        known.insert(variant)
        holding[variant] = file.bytes
        steps.append(
          Step(
            version: PendingVersion(
              variant: variant, bytes: file.bytes, message: message, asOf: file.date),
            file: file))
        next[variant, default: 0] += 1
        done.insert(ImportOrder.key(file))
      } else {
        throw .badExport(
          path: eventsPath,
          reason:
            "event \(event?.number ?? 0) and the version files cannot be put in one order: its `after:` names a file that must come after it"
        )
      }
    }
  }

  /// `VARIANT/FILE`, as `after:` names a version file.
  static func key(_ file: ExportFolder.VersionFile) -> String {
    file.variant.rawValue + "/" + file.fileName
  }

  /// The commit for a removal or rename, refused when its variant has no text at that point or a rename's new name already has one.
  private static func step(
    for numbered: (number: Int, event: ExportFolder.Event),
    holding: inout [VariantName: [UInt8]], eventsPath: String
  ) throws(StoreError) -> Step {
    let event = numbered.event
    guard let bytes = holding[event.variant] else {
      throw .badExport(
        path: eventsPath,
        reason:
          "event \(numbered.number) \(event.renamedTo == nil ? "removes" : "renames") \(event.variant), which has no text at that point; list a version of it first"
      )
    }
    holding[event.variant] = nil
    guard let new = event.renamedTo else {
      return Step(
        version: PendingVersion(
          variant: event.variant, bytes: nil,
          message: event.message.isEmpty ? "Remove \(event.variant)" : event.message,
          asOf: event.date),
        file: nil)
    }
    guard holding[new] == nil else {
      throw .badExport(
        path: eventsPath,
        reason:
          "event \(numbered.number) renames \(event.variant) to \(new), which already has a text at that point; remove \(new) first"
      )
    }
    holding[new] = bytes
    return Step(
      version: PendingVersion(
        variant: new, bytes: bytes,
        message: event.message.isEmpty ? "Rename \(event.variant) to \(new)" : event.message,
        asOf: event.date, renamedFrom: event.variant),
      file: nil)
  }
}

extension ExportFolder.Event {
  /// Whether the event removes or renames `variant`, or renames another variant to it.
  func names(_ variant: VariantName) -> Bool {
    self.variant == variant || renamedTo == variant
  }
}

import Foundation
import Git

extension Store {
  /// Writes the whole store in the plain-text export format to the new folder `path` (see `ExportFolder`).
  ///
  /// The folder is written beside `path` under a temporary name and renamed into place, so a failed
  /// export leaves nothing behind. Messages lose biostore's own trailers, as `history --json` shows them.
  public func export(to destination: String) throws(StoreError) -> TransferSummary {
    let path = try ExportScratch.checkNewFolder(destination)
    var folder = ExportFolder()
    var summary = TransferSummary()
    var fileNames: [VariantName: [ObjectID: String]] = [:]
    // Each removal and rename with its depth on the main line, put in order once all are known.
    var events: [(depth: Int, event: ExportFolder.Event)] = []
    // Each variant's version files by depth, to name the ones an event comes after.
    var filesByDepth: [VariantName: [(depth: Int, key: String)]] = [:]
    for variant in try index.variants() {
      var files: [ExportFolder.VersionFile] = []
      var previous: (Int64, Int)?
      for entry in try index.ownEntries(of: variant) {
        switch entry.kind {
        case .version:
          guard let blob = entry.blob else { continue }
          let sequence = previous.map { $0.0 == entry.date.seconds ? $0.1 + 1 : 1 } ?? 1
          previous = (entry.date.seconds, sequence)
          let name = ExportFolder.fileName(for: entry.date, sequence: sequence)
          fileNames[variant, default: [:]][entry.commit] = name
          filesByDepth[variant, default: []].append((entry.depth, variant.rawValue + "/" + name))
          files.append(
            ExportFolder.VersionFile(
              variant: variant, fileName: name, date: entry.date, message: entry.message,
              bytes: try bytes(ofBlob: blob)))
        case .removal:
          events.append(
            (entry.depth, .init(variant: variant, date: entry.date, message: entry.message)))
        case .renamedTo:
          events.append(
            (
              entry.depth,
              .init(
                variant: variant, renamedTo: entry.otherVariant, date: entry.date,
                message: entry.message)
            ))
        case .renamedFrom:
          // The text carried over is the old name's version; the old name's entry records the rename.
          continue
        }
      }
      guard !files.isEmpty else { continue }
      folder.versions[variant] = files
      summary.versions[variant] = files.count
    }
    for (depth, event) in events.sorted(by: { $0.depth < $1.depth }) {
      var event = event
      event.after = [event.variant, event.renamedTo].compactMap { named in
        named.flatMap { filesByDepth[$0]?.last(where: { $0.depth < depth })?.key }
      }
      folder.events.append(event)
      if event.renamedTo == nil { summary.removals += 1 } else { summary.renames += 1 }
    }
    let listing = try engagements()
    summary.warnings = listing.warnings
    for engagement in listing.engagements {
      var sent: [(variant: VariantName, fileName: String)] = []
      for pinned in engagement.sent {
        let variant = pinned.version.variant
        guard let name = fileNames[variant]?[pinned.version.id] else {
          summary.warnings.append(
            "engagement \(engagement.name): \(variant) at \(pinned.version.id.short) is not a version on the main line; left out"
          )
          continue
        }
        sent.append((variant, name))
      }
      guard !sent.isEmpty else { continue }
      folder.engagements.append(
        ExportFolder.EngagementEntry(
          name: engagement.name, title: engagement.title, date: engagement.date,
          venue: engagement.venue, note: engagement.note, limit: engagement.limit, sent: sent))
      summary.engagements.append(engagement.name)
    }
    try folder.write(to: path, privateDirectory: privateDirectory)
    return summary
  }
}

extension ExportFolder {
  /// Writes the folder to `path` through a temporary sibling folder renamed into place, which the next command removes if this one is killed.
  func write(to path: String, privateDirectory: String) throws(StoreError) {
    var files: [(path: String, bytes: [UInt8])] = []
    for (variant, versionFiles) in versions {
      for file in versionFiles {
        files.append((variant.rawValue + "/" + file.fileName, try ExportFolder.contents(of: file)))
      }
    }
    files.append((ExportFolder.engagementsFile, Array(try engagementsContents().utf8)))
    if let events = try eventsContents() {
      files.append((ExportFolder.eventsFile, Array(events.utf8)))
    }
    try ExportScratch.writeFolder(files, to: path, privateDirectory: privateDirectory)
  }
}

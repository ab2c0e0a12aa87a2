import Foundation
import Git

extension Store {
  /// Writes the whole store in the plain-text export format to the new folder `path` (see `ExportFolder`).
  ///
  /// The folder is written beside `path` under a temporary name and renamed into place, so a failed
  /// export leaves nothing behind. Messages lose biostore's own trailers, as `history --json` shows them.
  public func export(to destination: String) throws(StoreError) -> TransferSummary {
    let manager = FileManager.default
    // `export NEW/` means the folder NEW, as `mkdir` and `cp -r` read it.
    var path = destination
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard UnfollowedFile.isFolderOrAbsent(parent), manager.fileExists(atPath: parent) else {
      throw .storage(
        "cannot export to \(path): its parent folder \(parent) does not exist; create it first"
      )
    }
    if manager.fileExists(atPath: path),
      (try? manager.contentsOfDirectory(atPath: path).isEmpty) != true
    {
      throw .exportDestinationExists(path)
    }
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
    let manager = FileManager.default
    let scratchFolder = ExportScratch(beside: path, privateDirectory: privateDirectory)
    defer { scratchFolder.end() }
    let scratch = scratchFolder.path
    do {
      try manager.createDirectory(atPath: scratch, withIntermediateDirectories: false)
      for (variant, files) in versions {
        let folder = scratch + "/" + variant.rawValue
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: false)
        for file in files {
          try Data(try ExportFolder.contents(of: file)).write(
            to: URL(fileURLWithPath: folder + "/" + file.fileName))
        }
      }
      try Data(try engagementsContents().utf8).write(
        to: URL(fileURLWithPath: scratch + "/" + ExportFolder.engagementsFile))
      if let events = try eventsContents() {
        try Data(events.utf8).write(
          to: URL(fileURLWithPath: scratch + "/" + ExportFolder.eventsFile))
      }
      // An empty destination folder is replaced; rmdir refuses one that gained files meanwhile.
      if manager.fileExists(atPath: path), rmdir(path) != 0 {
        throw StoreError.exportDestinationExists(path)
      }
      try manager.moveItem(atPath: scratch, toPath: path)
    } catch {
      try? manager.removeItem(atPath: scratch)
      if let error = error as? StoreError { throw error }
      throw .storage("cannot write the export to \(path) (\(error.localizedDescription))")
    }
  }
}

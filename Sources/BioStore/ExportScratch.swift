import Foundation

/// The temporary folder an export is written into before it is renamed into place, and the marker that lets the next command remove it if the export was killed.
///
/// The folder is a hidden sibling of the destination (a rename cannot cross file systems);
/// `.git/biostore/exports/PID` names it while the export runs.
struct ExportScratch {
  /// The temporary folder.
  let path: String
  private let marker: String?

  /// Names a new temporary folder beside `destination` and records it in `privateDirectory`; creates no folder.
  init(beside destination: String, privateDirectory: String) {
    let url = URL(fileURLWithPath: destination)
    let parent = url.deletingLastPathComponent().path
    path =
      parent + "/." + url.lastPathComponent + ExportScratch.infix + "\(getpid())-"
      + UUID().uuidString.prefix(8)
    let markers = privateDirectory + "/" + ExportScratch.folder
    let marker = markers + "/\(getpid())"
    do {
      try FileManager.default.createDirectory(atPath: markers, withIntermediateDirectories: true)
      try AtomicFile.write(Array(path.utf8), to: marker, scratchDirectory: privateDirectory)
      self.marker = marker
    } catch {
      // A store that cannot be written can still be exported; only the clean-up after a kill is lost.
      self.marker = nil
    }
  }

  /// Removes the marker: the folder was renamed into place or removed.
  func end() {
    if let marker { unlink(marker) }
  }

  private static let folder = "exports"
  private static let infix = ".biostore-export-"

  /// Whether any export marker is left in `privateDirectory`.
  static func anyLeft(in privateDirectory: String) -> Bool {
    !((try? FileManager.default.contentsOfDirectory(atPath: privateDirectory + "/" + folder))?
      .isEmpty ?? true)
  }

  /// Removes the temporary folders of exports whose process is gone, and their markers.
  static func removeLeftovers(in privateDirectory: String) {
    let markers = privateDirectory + "/" + folder
    for name in (try? FileManager.default.contentsOfDirectory(atPath: markers)) ?? [] {
      guard let pid = Int32(name), kill(pid, 0) != 0, errno == ESRCH else { continue }
      let marker = markers + "/" + name
      if let bytes = try? UnfollowedFile.read(marker, limit: 1 << 16) {
        let scratch = String(decoding: bytes, as: UTF8.self)
        // Only a folder of the name an export gives is ever removed.
        if URL(fileURLWithPath: scratch).lastPathComponent.contains(infix) {
          try? FileManager.default.removeItem(atPath: scratch)
        }
      }
      unlink(marker)
    }
  }
}

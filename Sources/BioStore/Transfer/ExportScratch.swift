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
    // The real parent, so the marker names a plain absolute path that `isLeftover` accepts.
    let named = url.deletingLastPathComponent().path
    let parent =
      realpath(named, nil).map { resolved in
        defer { free(resolved) }
        return String(cString: resolved)
      } ?? named
    path =
      (parent == "/" ? "" : parent) + "/." + url.lastPathComponent + ExportScratch.infix
      + "\(getpid())-"
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
  ///
  /// A marker is only a hint: anyone who can write `.git` can write one. So a folder is removed
  /// only when it is exactly what a killed export leaves (`isLeftover`); any other marker is dropped.
  static func removeLeftovers(in privateDirectory: String) {
    let markers = privateDirectory + "/" + folder
    for name in (try? FileManager.default.contentsOfDirectory(atPath: markers)) ?? [] {
      guard let pid = Int32(name), kill(pid, 0) != 0, errno == ESRCH else { continue }
      let marker = markers + "/" + name
      if let bytes = try? UnfollowedFile.read(marker, limit: 1 << 16),
        let scratch = String(validating: bytes, as: UTF8.self),
        isLeftover(scratch, of: pid)
      {
        try? FileManager.default.removeItem(atPath: scratch)
      }
      unlink(marker)
    }
  }

  /// Whether `scratch` is a folder an export by process `pid` made: an absolute path without `.` or
  /// `..` parts, named `.NAME.biostore-export-PID-XXXXXXXX`, a real folder (not a link) holding only
  /// real folders and regular files, two levels deep at most, as `ExportFolder.write` writes them.
  static func isLeftover(_ scratch: String, of pid: Int32) -> Bool {
    let parts = scratch.split(separator: "/", omittingEmptySubsequences: false)
    guard scratch.hasPrefix("/"), let name = parts.last,
      !parts.dropFirst().contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
    else { return false }
    let ending = infix + "\(pid)-"
    guard name.hasPrefix("."), let range = name.range(of: ending, options: .backwards),
      range.lowerBound > name.index(after: name.startIndex)
    else { return false }
    let suffix = name[range.upperBound...]
    guard suffix.count == 8, suffix.allSatisfy({ $0.isHexDigit && !$0.isLowercase }) else {
      return false
    }
    // A killed export wrote its parent's real path; one reached through a link is not ours.
    let parent = String(scratch[..<scratch.lastIndex(of: "/")!])
    let real = realpath(parent.isEmpty ? "/" : parent, nil).map { resolved in
      defer { free(resolved) }
      return String(cString: resolved)
    }
    guard real == (parent.isEmpty ? "/" : parent) else { return false }
    return holdsOnlyExportFiles(scratch, depth: 0)
  }

  /// Whether `path` is a real folder whose entries are regular files, or such folders while `depth` < 1.
  private static func holdsOnlyExportFiles(_ path: String, depth: Int) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
      let names = try? FileManager.default.contentsOfDirectory(atPath: path)
    else { return false }
    return names.allSatisfy { name in
      let entry = path + "/" + name
      var status = stat()
      guard lstat(entry, &status) == 0 else { return false }
      switch status.st_mode & S_IFMT {
      case S_IFREG: return true
      case S_IFDIR: return depth < 1 && holdsOnlyExportFiles(entry, depth: depth + 1)
      default: return false
      }
    }
  }

  /// `destination` without trailing slashes (`export NEW/` means the folder NEW, as `mkdir` and `cp -r` read it), refused when it is anything but an empty folder or nothing, or its parent is missing.
  static func checkNewFolder(_ destination: String) throws(StoreError) -> String {
    guard !destination.isEmpty else { throw .storage("give the name of a new folder to write") }
    var path = destination
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    let manager = FileManager.default
    let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard UnfollowedFile.isFolderOrAbsent(parent), manager.fileExists(atPath: parent) else {
      throw .storage(
        "cannot write to \(path): its parent folder \(parent) does not exist; create it first")
    }
    if manager.fileExists(atPath: path),
      (try? manager.contentsOfDirectory(atPath: path).isEmpty) != true
    {
      throw .exportDestinationExists(path)
    }
    return path
  }

  /// Writes `files` (paths relative to the folder, at most one folder deep) as the new folder `path`, through a temporary sibling folder renamed into place, which the next command removes if this one is killed.
  static func writeFolder(
    _ files: [(path: String, bytes: [UInt8])], to path: String, privateDirectory: String
  ) throws(StoreError) {
    let manager = FileManager.default
    let scratchFolder = ExportScratch(beside: path, privateDirectory: privateDirectory)
    defer { scratchFolder.end() }
    let scratch = scratchFolder.path
    do {
      try manager.createDirectory(atPath: scratch, withIntermediateDirectories: false)
      var folders: Set<String> = []
      for file in files {
        let parts = file.path.split(separator: "/")
        if parts.count > 1, folders.insert(String(parts[0])).inserted {
          try manager.createDirectory(
            atPath: scratch + "/" + parts[0], withIntermediateDirectories: false)
        }
        try Data(file.bytes).write(to: URL(fileURLWithPath: scratch + "/" + file.path))
      }
      // An empty destination folder is replaced; rmdir refuses one that gained files meanwhile.
      if manager.fileExists(atPath: path), rmdir(path) != 0 {
        throw StoreError.exportDestinationExists(path)
      }
      try manager.moveItem(atPath: scratch, toPath: path)
    } catch {
      try? manager.removeItem(atPath: scratch)
      if let error = error as? StoreError { throw error }
      throw .storage("cannot write \(path) (\(error.localizedDescription))")
    }
  }
}

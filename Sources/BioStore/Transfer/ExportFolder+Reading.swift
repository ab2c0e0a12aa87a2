import Foundation
import Yams

// Reading and checking an export folder, naming the first file that breaks the format.

extension ExportFolder {
  /// Reads and checks the folder at `path`, throwing `StoreError.badExport` naming the first file that breaks the format.
  init(reading path: String) throws(StoreError) {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw .badExport(path: path, reason: "there is no such folder")
    }
    for entry in try ExportFolder.entries(of: path) {
      let entryPath = path + "/" + entry
      guard manager.fileExists(atPath: entryPath, isDirectory: &isDirectory), isDirectory.boolValue
      else { continue }
      // Files in an import folder are read like the store's own: a linked folder is not followed.
      guard UnfollowedFile.isFolderOrAbsent(entryPath) else {
        throw .badExport(
          path: entryPath, reason: "it is a symbolic link, and biostore does not follow links")
      }
      guard let variant = try? VariantName(entry) else {
        throw .badExport(
          path: entryPath, reason: "a variant folder's name must be a variant name (e.g. biosketch)"
        )
      }
      versions[variant] = try ExportFolder.readVariant(variant, at: entryPath)
    }
    let engagementsPath = path + "/" + ExportFolder.engagementsFile
    if let data = try ExportFolder.readFile(engagementsPath) {
      engagements = try readEngagements(String(decoding: data, as: UTF8.self), at: engagementsPath)
    }
    let eventsPath = path + "/" + ExportFolder.eventsFile
    if let data = try ExportFolder.readFile(eventsPath) {
      events = try readEvents(String(decoding: data, as: UTF8.self), at: eventsPath)
    }
    guard versions.values.contains(where: { !$0.isEmpty }) else {
      throw .badExport(
        path: path,
        reason:
          "it holds no version files; give a folder written by `biostore export` (or a file with --variant)"
      )
    }
  }

  /// The bytes of a file in the folder, or nil when there is none.
  ///
  /// A folder handed to `import` may come from someone else, so a link in it (to `~/.ssh/id_rsa`)
  /// is refused rather than followed into the store, and a file is sized before it is read.
  private static func readFile(_ path: String) throws(StoreError) -> [UInt8]? {
    do {
      return try UnfollowedFile.read(path, limit: VersionText.maximumBytes)
    } catch {
      throw .badExport(path: path, reason: UnfollowedFile.reason(error))
    }
  }

  /// The visible entries of a folder, sorted.
  private static func entries(of path: String) throws(StoreError) -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: path)
        .filter { !$0.hasPrefix(".") }.sorted()
    } catch {
      throw .badExport(path: path, reason: "cannot list it (\(error.localizedDescription))")
    }
  }

  private static func readVariant(_ variant: VariantName, at folder: String) throws(StoreError)
    -> [VersionFile]
  {
    var files: [(file: VersionFile, sequence: Int)] = []
    for name in try entries(of: folder) {
      let path = folder + "/" + name
      guard let (stamp, sequence) = parseName(name) else {
        throw .badExport(
          path: path,
          reason:
            "version files are named by their date, e.g. 2024-04-08T13-12-18-07-00.md (_2, _3 for more in one second)"
        )
      }
      guard let data = try readFile(path) else {
        throw .badExport(path: path, reason: "cannot read it")
      }
      let file = try readVersion(data, variant: variant, fileName: name, path: path)
      guard fileName(for: file.date, sequence: 1).dropLast(3) == stamp else {
        throw .badExport(
          path: path,
          reason:
            "its name says \(stamp) but its date is \(file.date.rfc3339); name it after its date (two files may not share a timestamp: use _2, _3 for versions in one second)"
        )
      }
      files.append((file, sequence))
    }
    return files.sorted {
      ($0.file.date.seconds, $0.sequence) < ($1.file.date.seconds, $1.sequence)
    }
    .map(\.file)
  }

  /// The timestamp part and the sequence of a version file name, or nil when it is not one.
  private static func parseName(_ name: String) -> (stamp: Substring, sequence: Int)? {
    guard name.hasSuffix(".md") else { return nil }
    let base = name.dropLast(3)
    let parts = base.split(separator: "_", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts[0].count == 25 else { return nil }
    if parts.count == 2 {
      guard let sequence = Int(parts[1]), sequence >= 2, String(sequence) == parts[1] else {
        return nil
      }
      return (parts[0], sequence)
    }
    return (parts[0], 1)
  }

  private static func readVersion(
    _ bytes: [UInt8], variant: VariantName, fileName: String, path: String
  ) throws(StoreError) -> VersionFile {
    let fence = Array("---\n".utf8)
    guard bytes.starts(with: fence),
      let end = closingFence(in: bytes, after: fence.count)
    else {
      throw .badExport(
        path: path, reason: "it must start with front matter between '---' lines (date, message)")
    }
    let frontMatter = String(decoding: bytes[fence.count..<end], as: UTF8.self)
    let node: Node?
    do {
      node = try compose(yaml: frontMatter)
    } catch {
      // The front matter starts on the file's second line, after the opening `---`.
      throw .badExport(
        path: path,
        reason: "its front matter is not YAML: \(YAMLProblem.describe(error, firstLine: 2))")
    }
    try ExportFolder.checkKeys(of: node, known: ["date", "message"], at: path, in: nil)
    guard let dateText = node?["date"]?.string,
      case .instant(let date)? = try? DateInput(parsing: dateText)
    else {
      throw .badExport(
        path: path,
        reason:
          "its front matter needs a date in RFC 3339 with an offset, e.g. 2024-04-08T13:12:18-07:00"
      )
    }
    let text: [UInt8] = Array(bytes[(end + fence.count)...])
    do {
      _ = try VersionText.validated(text)
    } catch {
      throw .badExport(path: path, reason: error.description)
    }
    return VersionFile(
      variant: variant, fileName: fileName, date: date,
      message: try ExportFolder.text("message", in: node, at: path) ?? "", bytes: text)
  }

  /// Where the line `---` that closes front matter starting at `start` begins.
  private static func closingFence(in bytes: [UInt8], after start: Int) -> Int? {
    let fence = Array("---\n".utf8)
    var lineStart = start
    while lineStart < bytes.count {
      if bytes[lineStart...].starts(with: fence) { return lineStart }
      guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
      lineStart = newline + 1
    }
    return nil
  }

  private func readEngagements(_ text: String, at path: String) throws(StoreError)
    -> [EngagementEntry]
  {
    let root: Node?
    do {
      root = try compose(yaml: text)
    } catch {
      throw .badExport(path: path, reason: "it is not YAML: \(YAMLProblem.describe(error))")
    }
    guard let root else { return [] }
    guard let list = root.sequence else {
      throw .badExport(path: path, reason: "it must be a list of engagements")
    }
    var entries: [EngagementEntry] = []
    for (index, item) in list.enumerated() {
      let label = "engagement \(index + 1)"
      guard let nameText = item["name"]?.string, let name = try? EngagementName(nameText) else {
        throw .badExport(path: path, reason: "\(label) needs a valid name (e.g. sc24-tpc)")
      }
      try ExportFolder.checkKeys(
        of: item, known: ["name", "title", "date", "venue", "note", "limit", "variants"], at: path,
        in: name)
      guard let dateText = item["date"]?.string,
        case .period(let year, let month?, let day?)? = try? DateInput(parsing: dateText)
      else {
        throw .badExport(path: path, reason: "engagement \(name) needs a date, YYYY-MM-DD")
      }
      var limit: LengthLimit?
      if let limitNode = item["limit"] {
        // A list or mapping is refused like any other unreadable limit, never read as none.
        // The short forms `export` writes, and the long ones a tag's `Limit:` trailer has.
        guard let limitText = limitNode.scalar?.string,
          let value = TagMessage.limit(reading: limitText)
        else {
          let shown = limitNode.scalar.map { " '\($0.string.printable)'" } ?? ""
          throw .badExport(
            path: path,
            reason:
              "engagement \(name) has a limit\(shown) that is none of 100, 100w, 100w:pretalx, 1000c or 100 words"
          )
        }
        limit = value
      }
      guard let pairs = item["variants"]?.mapping, !pairs.isEmpty else {
        throw .badExport(
          path: path,
          reason: "engagement \(name) needs variants: each variant and its version's file")
      }
      var sent: [(variant: VariantName, fileName: String)] = []
      for (key, value) in pairs {
        guard let variantText = key.string, let variant = try? VariantName(variantText),
          let fileName = value.string
        else {
          throw .badExport(path: path, reason: "engagement \(name) lists a variant it cannot read")
        }
        guard versions[variant]?.contains(where: { $0.fileName == fileName }) == true else {
          throw .badExport(
            path: path,
            reason: "engagement \(name) was sent \(variant)/\(fileName), which is not in the folder"
          )
        }
        sent.append((variant, fileName))
      }
      entries.append(
        EngagementEntry(
          name: name,
          title: try ExportFolder.text("title", in: item, at: path, of: name) ?? name.rawValue,
          date: CivilDate(year: year, month: month, day: day),
          venue: try ExportFolder.text("venue", in: item, at: path, of: name),
          note: try ExportFolder.text("note", in: item, at: path, of: name) ?? "", limit: limit,
          sent: sent))
    }
    return entries
  }

  /// Refuses a key the format does not have, which would otherwise be dropped with the words under it (a `mesage:` typo).
  static func checkKeys(
    of node: Node?, known: [String], at path: String, in engagement: EngagementName?
  ) throws(StoreError) {
    guard let keys = node?.mapping?.keys else { return }
    for key in keys {
      guard let name = key.string, known.contains(name) else {
        let whose = engagement.map { "engagement \($0) has" } ?? "its front matter has"
        throw .badExport(
          path: path,
          reason:
            "\(whose) an unknown key '\((key.string ?? "?").printable)' (known: \(known.joined(separator: ", ")))"
        )
      }
    }
  }

  /// The text under `key`, nil when there is none; refuses a list or a mapping, which would otherwise be read as no text at all.
  static func text(
    _ key: String, in node: Node?, at path: String, of engagement: EngagementName? = nil
  ) throws(StoreError) -> String? {
    guard let value = node?[key] else { return nil }
    let whose = engagement.map { "engagement \($0)'s" } ?? "its"
    guard let text = value.scalar?.string else {
      throw .badExport(path: path, reason: "\(whose) \(key) must be text, not a list or mapping")
    }
    guard !text.utf8.contains(0) else {
      throw .badExport(
        path: path,
        reason: "\(whose) \(key) holds a NUL character, which a git commit or tag cannot hold")
    }
    return text
  }
}

import Foundation
import Git

/// The history index under `.git/biostore/index/`: what the main line says about each variant, valid for the tip it records.
///
/// A cache, never the truth: deleting it costs only speed, and a damaged one is rebuilt. `state`
/// records the branch, its tip and the tip's depth (first-parent steps from the root); each
/// `<variant>.tsv` lists the variant's versions and removals oldest first, one tab-separated line
/// each with its commit's depth. Every file is replaced atomically. A rebuild removes `state`
/// first, so a crash never pairs old variant files with a new state; a catch-up only adds lines
/// deeper than the old state's tip, which readers ignore until `state` names the new tip.
struct HistoryIndex {
  /// One line of a variant's file: a version, or the removal of the variant's file.
  struct Entry: Equatable {
    /// Whether the commit removed the file rather than recording a version.
    var isRemoval: Bool
    /// The commit.
    var commit: ObjectID
    /// Its author date.
    var date: Timestamp
    /// The version's blob (nil for a removal).
    var blob: ObjectID?
    /// Words in the version.
    var words: Int
    /// Words added since the version before.
    var added: Int
    /// Words removed since the version before.
    var removed: Int
    /// First-parent steps from the root commit (0) to this commit.
    var depth: Int
    /// The commit message without biostore's own trailers.
    var message: String
  }

  /// What the index is valid for.
  struct State: Equatable {
    /// The branch it describes.
    var branch: String
    /// The branch tip it was built for.
    var tip: ObjectID
    /// The tip's depth.
    var depth: Int
  }

  /// The index's folder.
  let directory: String

  /// The recorded state, or nil when there is none or it cannot be read.
  func state() -> State? {
    guard let data = FileManager.default.contents(atPath: directory + "/state") else { return nil }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    guard lines.count == 4, lines[0] == "biostore-index 1", let tip = ObjectID(hex: lines[2]),
      let depth = Int(lines[3])
    else { return nil }
    return State(branch: lines[1], tip: tip, depth: depth)
  }

  /// Records `state`, the last step of any update.
  func write(_ state: State) throws {
    try replace(
      "state", with: "biostore-index 1\n\(state.branch)\n\(state.tip.hex)\n\(state.depth)\n")
  }

  /// Forgets the state, the first step of a rebuild.
  func removeState() {
    unlink(directory + "/state")
  }

  /// The entries of `variant` no deeper than `depth`, oldest first; nil when its file is damaged.
  func entries(of variant: VariantName, upTo depth: Int) -> [Entry]? {
    guard let data = FileManager.default.contents(atPath: path(of: variant)) else { return [] }
    var entries: [Entry] = []
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      guard let entry = HistoryIndex.entry(parsing: line) else { return nil }
      if entry.depth <= depth { entries.append(entry) }
    }
    return entries
  }

  /// The variants that have a file in the index.
  func variants() -> [VariantName] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.compactMap { name in
      name.hasSuffix(".tsv") ? try? VariantName(String(name.dropLast(4))) : nil
    }.sorted()
  }

  /// Replaces the file of `variant` with `entries`.
  func write(_ entries: [Entry], of variant: VariantName) throws {
    try replace(variant.rawValue + ".tsv", with: entries.map(HistoryIndex.line).joined())
  }

  /// Removes every file, for a rebuild.
  func clear() {
    removeState()
    for variant in variants() { unlink(path(of: variant)) }
  }

  private func path(of variant: VariantName) -> String {
    directory + "/" + variant.rawValue + ".tsv"
  }

  private func replace(_ name: String, with text: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try AtomicFile.write(Array(text.utf8), to: directory + "/" + name, scratchDirectory: directory)
  }

  private static func line(_ entry: Entry) -> String {
    let fields = [
      entry.isRemoval ? "R" : "V", entry.commit.hex, String(entry.date.seconds),
      String(entry.date.offsetMinutes), entry.blob?.hex ?? "-", String(entry.words),
      String(entry.added), String(entry.removed), String(entry.depth), escaped(entry.message),
    ]
    return fields.joined(separator: "\t") + "\n"
  }

  private static func entry(parsing line: Substring) -> Entry? {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard fields.count == 10, fields[0] == "V" || fields[0] == "R",
      let commit = ObjectID(hex: String(fields[1])), let seconds = Int64(fields[2]),
      let offset = Int(fields[3]), let words = Int(fields[5]), let added = Int(fields[6]),
      let removed = Int(fields[7]), let depth = Int(fields[8])
    else { return nil }
    let blob = ObjectID(hex: String(fields[4]))
    guard (fields[0] == "R") == (blob == nil) else { return nil }
    return Entry(
      isRemoval: fields[0] == "R", commit: commit,
      date: Timestamp(seconds: seconds, offsetMinutes: offset), blob: blob, words: words,
      added: added, removed: removed, depth: depth, message: unescaped(fields[9]))
  }

  /// Backslash, tab and line breaks written as `\\`, `\t`, `\n`, so one entry stays one line.
  private static func escaped(_ text: String) -> String {
    // Scalars, not Characters: "\r\n" is one Character.
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
      case "\t": result.append(contentsOf: "\\t".unicodeScalars)
      case "\n": result.append(contentsOf: "\\n".unicodeScalars)
      case "\r": result.append(contentsOf: "\\r".unicodeScalars)
      default: result.append(scalar)
      }
    }
    return String(result)
  }

  private static func unescaped(_ text: Substring) -> String {
    var result = String.UnicodeScalarView()
    var escaping = false
    for scalar in text.unicodeScalars {
      if escaping {
        switch scalar {
        case "t": result.append("\t")
        case "n": result.append("\n")
        case "r": result.append("\r")
        default: result.append(scalar)
        }
        escaping = false
      } else if scalar == "\\" {
        escaping = true
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }
}

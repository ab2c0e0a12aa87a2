import Foundation
import Git

/// The history index under `.git/biostore/index/`: what the main line says about each variant, valid for the tip it records.
///
/// A cache, never the truth: deleting it costs only speed, and a damaged one is rebuilt. `state`
/// records the branch, its tip and the tip's depth (first-parent steps from the root), and the
/// length and checksum (a `ContentSeal`) of each `<variant>.tsv`, which lists the variant's
/// versions and removals oldest first, one tab-separated line each with its commit's depth; its
/// last line seals `state` itself. A file is believed only when its first `length` bytes are the
/// ones sealed: a longer file is an update that added lines and died before writing `state`, and
/// is read as its sealed part; anything else is damage, and the index is rebuilt. A rebuild removes
/// `state` first, and `state` is written last, replaced atomically.
struct HistoryIndex {
  /// One line of a variant's file: a version, the removal of the file, or a rename into or out of it.
  struct Entry: Equatable {
    /// What the commit did to the variant.
    enum Kind: String {
      /// A new text: a version.
      case version = "V"
      /// The file was deleted.
      case removal = "R"
      /// The file was renamed from `otherVariant` with its text unchanged: not a version.
      case renamedFrom = "F"
      /// The file was renamed to `otherVariant`.
      case renamedTo = "T"
    }

    /// What the commit did.
    var kind: Kind
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
    /// The variant on the other side of a rename.
    var otherVariant: VariantName? = nil

    /// Whether the commit left the variant without a file (removed, or renamed away).
    var isRemoval: Bool { kind == .removal || kind == .renamedTo }
  }

  /// What the index is valid for.
  struct State: Equatable {
    /// The branch it describes.
    var branch: String
    /// The branch tip it was built for.
    var tip: ObjectID
    /// The tip's depth.
    var depth: Int
    /// The seal of each variant file valid for the tip; a variant without one has no lines.
    var files: [VariantName: ContentSeal] = [:]
  }

  /// The index's folder.
  let directory: String

  /// The recorded state, or nil when there is none or it does not prove itself.
  func state() -> State? {
    guard let bytes = try? UnfollowedFile.read(directory + "/state") else { return nil }
    // The last line seals every byte before it, so a state cut short or edited is no state.
    guard bytes.last == UInt8(ascii: "\n"),
      let sealStart = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }),
      bytes[sealStart...].starts(with: "seal ".utf8),
      let seal = ContentSeal(
        text: Substring(decoding: bytes[(sealStart + 5)..<(bytes.count - 1)], as: UTF8.self)),
      seal.length == sealStart, ContentSeal(of: bytes[..<sealStart]) == seal
    else { return nil }
    let lines = String(decoding: bytes[..<sealStart], as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    guard lines.count >= 4, lines[0] == HistoryIndex.format,
      let tip = ObjectID(hex: String(lines[2])),
      let depth = Int(lines[3])
    else { return nil }
    var state = State(branch: String(lines[1]), tip: tip, depth: depth)
    for line in lines.dropFirst(4) {
      let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3, fields[0] == "file",
        let variant = try? VariantName(String(fields[1])),
        let seal = ContentSeal(text: fields[2]), state.files[variant] == nil
      else { return nil }
      state.files[variant] = seal
    }
    return state
  }

  /// The first line of `state`: raise the number whenever the files' form or meaning changes, so an older index is rebuilt rather than misread.
  static let format = "biostore-index 3"

  /// Records `state`, the last step of any update.
  func write(_ state: State) throws(StoreError) {
    var text = "\(HistoryIndex.format)\n\(state.branch)\n\(state.tip.hex)\n\(state.depth)\n"
    for (variant, seal) in state.files.sorted(by: { $0.key < $1.key }) {
      text += "file \(variant) \(seal.text)\n"
    }
    let bytes = Array(text.utf8)
    try replace("state", with: bytes + Array("seal \(ContentSeal(of: bytes).text)\n".utf8))
  }

  /// Forgets the state, the first step of a rebuild.
  func removeState() {
    unlink(directory + "/state")
  }

  /// The bytes of the file of `variant` that `state` seals: empty when it seals none, nil when the file does not match.
  func sealedBytes(of variant: VariantName, in state: State) -> ArraySlice<UInt8>? {
    guard let seal = state.files[variant] else { return [] }
    guard let bytes = try? UnfollowedFile.read(path(of: variant)) else { return nil }
    return seal.sealedPart(of: bytes)
  }

  /// The entries of `variant` that `state` vouches for, oldest first; nil when its file is damaged.
  func entries(of variant: VariantName, in state: State) -> [Entry]? {
    guard let bytes = sealedBytes(of: variant, in: state) else { return nil }
    return HistoryIndex.entries(parsing: bytes, upTo: state.depth)
  }

  /// The entries of a variant file's bytes no deeper than `depth`, oldest first; nil when a line cannot be read.
  static func entries(parsing data: ArraySlice<UInt8>, upTo depth: Int) -> [Entry]? {
    // Parsed as bytes: splitting Strings by Character took three quarters of a look-up.
    return data.withUnsafeBufferPointer { bytes -> [Entry]? in
      var entries: [Entry] = []
      var lineStart = 0
      while lineStart < bytes.count {
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        if lineEnd == bytes.count { return nil }
        guard let entry = HistoryIndex.entry(parsing: bytes, lineStart..<lineEnd) else {
          return nil
        }
        // The sealed part holds no deeper line; this only keeps a forged seal from reaching further.
        if entry.depth <= depth { entries.append(entry) }
        lineStart = lineEnd + 1
      }
      return entries
    }
  }

  /// The newest version entry of `variant` whose date `admits` (the latest, when nil), then up to `stepsBack` versions before it, newest first, from the file `state` seals; nil when the file has to be read whole instead (a rename into the variant on the way, a removal since the latest version, a damaged file or line) or no version is admitted.
  ///
  /// The whole file is checked against its seal (a millisecond for 3 MB); then lines are read from
  /// its end, parsing only their kind, date and depth until the answer is found, so
  /// `VARIANT@DATE` costs the versions after DATE, not the whole history.
  func newestVersions(
    of variant: VariantName, in state: State, stepsBack: Int, admits: ((Timestamp) -> Bool)?
  ) -> [Entry]? {
    guard state.files[variant] != nil, let bytes = sealedBytes(of: variant, in: state) else {
      return nil
    }
    return HistoryIndex.newestVersions(
      parsing: bytes, upTo: state.depth, stepsBack: stepsBack, admits: admits)
  }

  /// `newestVersions(of:in:stepsBack:admits:)` over a variant file's bytes.
  static func newestVersions(
    parsing data: ArraySlice<UInt8>, upTo depth: Int, stepsBack: Int,
    admits: ((Timestamp) -> Bool)?
  ) -> [Entry]? {
    return data.withUnsafeBufferPointer { bytes -> [Entry]? in
      guard bytes.last == UInt8(ascii: "\n") else { return nil }
      var found: [Entry] = []
      var lineEnd = bytes.count - 1
      while lineEnd > 0 {
        var lineStart = lineEnd
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        defer { lineEnd = lineStart - 1 }
        guard let (kind, date, lineDepth) = HistoryIndex.peek(bytes, lineStart..<lineEnd) else {
          return nil
        }
        guard lineDepth <= depth else { continue }
        // A rename brings in the other variant's versions: only the whole history follows it.
        if kind == .renamedFrom { return nil }
        if kind != .version {
          // The latest version of a variant removed or renamed away: the whole history words the error.
          if admits == nil && found.isEmpty { return nil }
          continue
        }
        if found.isEmpty, let admits, !admits(date) { continue }
        guard let entry = HistoryIndex.entry(parsing: bytes, lineStart..<lineEnd) else {
          return nil
        }
        found.append(entry)
        if found.count > stepsBack { return found }
      }
      return nil
    }
  }

  /// Replaces the file of `variant` with `entries`, and returns its seal for the next state.
  func write(_ entries: [Entry], of variant: VariantName) throws(StoreError) -> ContentSeal {
    let bytes = Array(entries.map(HistoryIndex.line).joined().utf8)
    try replace(variant.rawValue + ".tsv", with: bytes)
    return ContentSeal(of: bytes)
  }

  /// Adds `entries` after the part of the file of `variant` that `state` seals, and returns the new seal; nil when the file does not match its seal and so cannot be added to.
  ///
  /// Bytes beyond the sealed part (an update that died before writing `state`) are cut off first.
  /// Until the new state is written, readers read the old sealed part, which is unchanged.
  func append(_ entries: [Entry], to variant: VariantName, in state: State) throws(StoreError)
    -> ContentSeal?
  {
    guard state.files[variant] != nil else { return try write(entries, of: variant) }
    guard let sealed = sealedBytes(of: variant, in: state) else { return nil }
    let added = Array(entries.map(HistoryIndex.line).joined().utf8)
    // O_NOFOLLOW: a link planted since the read is refused, never written through.
    let descriptor = open(path(of: variant), O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .storage("cannot add to \(path(of: variant)) (\(String(cString: strerror(errno))))")
    }
    defer { close(descriptor) }
    let written = added.withUnsafeBytes { buffer in
      ftruncate(descriptor, off_t(sealed.count)) == 0
        && pwrite(descriptor, buffer.baseAddress, buffer.count, off_t(sealed.count)) == buffer.count
    }
    guard written else {
      throw .storage("cannot add to \(path(of: variant)) (\(String(cString: strerror(errno))))")
    }
    return ContentSeal(of: Array(sealed) + added)
  }

  /// Removes the state and every variant file, for a rebuild.
  func clear() {
    removeState()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    for name in names where name.hasSuffix(".tsv") { unlink(directory + "/" + name) }
  }

  private func path(of variant: VariantName) -> String {
    directory + "/" + variant.rawValue + ".tsv"
  }

  private func replace(_ name: String, with bytes: [UInt8]) throws(StoreError) {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw .storage("cannot create \(directory) (\(error.localizedDescription))")
    }
    try AtomicFile.write(bytes, to: directory + "/" + name, scratchDirectory: directory)
  }

  private static func line(_ entry: Entry) -> String {
    let fields = [
      entry.kind.rawValue, entry.commit.hex, String(entry.date.seconds),
      String(entry.date.offsetMinutes), entry.blob?.hex ?? "-", String(entry.words),
      String(entry.added), String(entry.removed), String(entry.depth), escaped(entry.message),
      entry.otherVariant?.rawValue ?? "-",
    ]
    return fields.joined(separator: "\t") + "\n"
  }

  /// The kind, date and depth of a line without parsing the rest of it, or nil when they cannot be read.
  private static func peek(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (
    Entry.Kind, Timestamp, Int
  )? {
    guard line.count > 2, bytes[line.lowerBound + 1] == UInt8(ascii: "\t"),
      let kind = Entry.Kind(rawValue: String(UnicodeScalar(bytes[line.lowerBound])))
    else { return nil }
    // Fields 2, 3 and 8 are the seconds, the offset and the depth.
    var seconds = 0
    var offset = 0
    var (field, value, negative, digits) = (0, 0, false, 0)
    for index in line {
      let byte = bytes[index]
      let isNumber = field == 2 || field == 3 || field == 8
      guard byte == UInt8(ascii: "\t") else {
        if !isNumber { continue }
        if byte == UInt8(ascii: "-") && digits == 0 && !negative {
          negative = true
        } else if byte &- UInt8(ascii: "0") < 10, digits < 18 {
          (value, digits) = (value * 10 + Int(byte &- UInt8(ascii: "0")), digits + 1)
        } else {
          return nil
        }
        continue
      }
      if isNumber {
        guard digits > 0 else { return nil }
        let number = negative ? -value : value
        switch field {
        case 2: seconds = number
        case 3: offset = number
        default: return (kind, Timestamp(seconds: Int64(seconds), offsetMinutes: offset), number)
        }
      }
      (field, value, negative, digits) = (field + 1, 0, false, 0)
    }
    return nil
  }

  private static func entry(parsing bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>)
    -> Entry?
  {
    var fields: [Range<Int>] = []
    var start = line.lowerBound
    for index in line where bytes[index] == UInt8(ascii: "\t") {
      fields.append(start..<index)
      start = index + 1
    }
    fields.append(start..<line.upperBound)
    guard fields.count == 11, fields[0].count == 1,
      let kind = Entry.Kind(rawValue: String(UnicodeScalar(bytes[fields[0].lowerBound])))
    else { return nil }
    func text(_ field: Int) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[field]]), as: UTF8.self)
    }
    func number(_ field: Int) -> Int64? {
      let range = fields[field]
      guard !range.isEmpty, range.count <= 18 else { return nil }
      var value: Int64 = 0
      var negative = false
      for index in range {
        let byte = bytes[index]
        if index == range.lowerBound && byte == UInt8(ascii: "-") {
          negative = true
          continue
        }
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int64(byte - UInt8(ascii: "0"))
      }
      return negative ? -value : value
    }
    guard let commit = ObjectID(hex: text(1)), let seconds = number(2), let offset = number(3),
      let words = number(5), let added = number(6), let removed = number(7),
      let depth = number(8)
    else { return nil }
    let blob = ObjectID(hex: text(4))
    let other = text(10)
    guard (kind == .version || kind == .renamedFrom) == (blob != nil),
      (kind == .renamedFrom || kind == .renamedTo) == (other != "-")
    else { return nil }
    let message = text(9)
    return Entry(
      kind: kind, commit: commit,
      date: Timestamp(seconds: seconds, offsetMinutes: Int(offset)), blob: blob,
      words: Int(words), added: Int(added), removed: Int(removed), depth: Int(depth),
      message: message.utf8.contains(UInt8(ascii: "\\")) ? unescaped(message[...]) : message,
      otherVariant: other == "-" ? nil : try? VariantName(other))
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

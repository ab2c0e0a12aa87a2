import Git

/// One line of a variant's file in the history index: a version, the removal of the file, or a rename into or out of it; and how such lines are written and read.
///
/// A line holds eleven tab-separated fields: kind, commit, seconds, offset, blob (`-` for none),
/// words, added, removed, depth, the message (backslash, tab and line breaks escaped) and the
/// other variant of a rename (`-` for none).
struct IndexEntry: Equatable {
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

    /// Whether such an entry holds a text the variant's next version is counted against: a version, or a rename that brought the text in.
    var holdsText: Bool { self == .version || self == .renamedFrom }
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

  /// Whether the entry holds a text the variant's next version is counted against.
  var holdsText: Bool { kind.holdsText }

  /// The entries of a variant file's bytes no deeper than `depth`, oldest first; nil when a line cannot be read.
  static func entries(parsing data: ArraySlice<UInt8>, upTo depth: Int) -> [IndexEntry]? {
    // Parsed as bytes: splitting Strings by Character took three quarters of a look-up.
    return data.withUnsafeBufferPointer { bytes -> [IndexEntry]? in
      var entries: [IndexEntry] = []
      var lineStart = 0
      while lineStart < bytes.count {
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        if lineEnd == bytes.count { return nil }
        guard let entry = IndexEntry.entry(parsing: bytes, lineStart..<lineEnd) else {
          return nil
        }
        // The sealed part holds no deeper line; this only keeps a forged seal from reaching further.
        if entry.depth <= depth { entries.append(entry) }
        lineStart = lineEnd + 1
      }
      return entries
    }
  }

  /// `newestVersions(of:in:stepsBack:admits:)` over a variant file's bytes.
  static func newestVersions(
    parsing data: ArraySlice<UInt8>, upTo depth: Int, stepsBack: Int,
    admits: ((Timestamp) -> Bool)?
  ) -> [IndexEntry]? {
    return data.withUnsafeBufferPointer { bytes -> [IndexEntry]? in
      guard bytes.last == UInt8(ascii: "\n") else { return nil }
      var found: [IndexEntry] = []
      for line in LinesFromEnd(bytes) {
        guard let (kind, date, lineDepth) = IndexEntry.peek(bytes, line) else { return nil }
        guard lineDepth <= depth else { continue }
        // A rename brings in the other variant's versions: only the whole history follows it.
        if kind == .renamedFrom { return nil }
        if kind != .version {
          // The latest version of a variant removed or renamed away: the whole history words the error.
          if admits == nil && found.isEmpty { return nil }
          continue
        }
        if found.isEmpty, let admits, !admits(date) { continue }
        guard let entry = IndexEntry.entry(parsing: bytes, line) else { return nil }
        found.append(entry)
        if found.count > stepsBack { return found }
      }
      return nil
    }
  }

  /// The newest entry of a variant file's bytes no deeper than `depth` that `holdsText`, read from the end: `.some(nil)` when there is none, nil when a line cannot be read.
  static func newestText(parsing data: ArraySlice<UInt8>, upTo depth: Int) -> IndexEntry?? {
    data.withUnsafeBufferPointer { bytes -> IndexEntry?? in
      if bytes.isEmpty { return .some(nil) }
      guard bytes.last == UInt8(ascii: "\n") else { return nil }
      for line in LinesFromEnd(bytes) {
        guard let (kind, _, lineDepth) = IndexEntry.peek(bytes, line) else { return nil }
        guard lineDepth <= depth, kind.holdsText else { continue }
        guard let entry = IndexEntry.entry(parsing: bytes, line) else { return nil }
        return .some(entry)
      }
      return .some(nil)
    }
  }

  /// The line that records `entry`, ending in a line break.
  static func line(_ entry: IndexEntry) -> String {
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
    Kind, Timestamp, Int
  )? {
    guard line.count > 2, bytes[line.lowerBound + 1] == UInt8(ascii: "\t"),
      let kind = Kind(rawValue: String(UnicodeScalar(bytes[line.lowerBound])))
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
    -> IndexEntry?
  {
    var fields: [Range<Int>] = []
    var start = line.lowerBound
    for index in line where bytes[index] == UInt8(ascii: "\t") {
      fields.append(start..<index)
      start = index + 1
    }
    fields.append(start..<line.upperBound)
    guard fields.count == 11, fields[0].count == 1,
      let kind = Kind(rawValue: String(UnicodeScalar(bytes[fields[0].lowerBound])))
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
    return IndexEntry(
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

/// The lines of a buffer that ends in a line break, last first, each without its line break: a variant file is read from its end for its newest entries.
private struct LinesFromEnd: Sequence, IteratorProtocol {
  let bytes: UnsafeBufferPointer<UInt8>
  /// Where the line break that ends the next line is.
  private var lineEnd: Int

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    lineEnd = bytes.count - 1
  }

  mutating func next() -> Range<Int>? {
    guard lineEnd > 0 else { return nil }
    var lineStart = lineEnd
    while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
    defer { lineEnd = lineStart - 1 }
    return lineStart..<lineEnd
  }
}

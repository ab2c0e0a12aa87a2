import Git

/// One saved text of a variant: the commit on the main line that changed the variant's file.
public struct Version: Hashable, Sendable {
  /// The variant this is a version of.
  public let variant: VariantName
  /// The commit that recorded it.
  public let id: ObjectID
  /// The blob holding its text.
  public let blobID: ObjectID
  /// The as-of date: the commit's author date with its offset.
  public let date: Timestamp
  /// The commit message without biostore's own trailers.
  public let message: String
  /// How many first-parent steps the commit is from the branch tip (0 is the tip), or nil off the main line.
  let lineIndex: Int?

  /// The first line of the message, with control characters escaped for a terminal.
  public var summary: String {
    // Escaped because stock git lets a message hold a terminal's escape sequences.
    String(message.prefix(while: { $0 != "\n" })).escapedForOneLine
  }

  init(
    variant: VariantName, id: ObjectID, blobID: ObjectID, date: Timestamp, message: String,
    lineIndex: Int?
  ) {
    self.variant = variant
    self.id = id
    self.blobID = blobID
    self.date = date
    self.message = message
    self.lineIndex = lineIndex
  }

  init(variant: VariantName, commit: Commit, blobID: ObjectID, lineIndex: Int?) {
    self.variant = variant
    id = commit.id
    self.blobID = blobID
    date = Timestamp(commit.author)
    message = Version.userMessage(commit.message)
    self.lineIndex = lineIndex
  }

  /// Trailers biostore writes for itself and leaves out of what it shows.
  static let ownTrailers = ["Imported-From:"]

  /// Whether `line` is exactly a trailer biostore writes (`Imported-From: ` and a full commit id in lowercase ASCII hex), not a person's words that start the same way.
  static func isOwnTrailer(_ line: Substring) -> Bool {
    // Judged on the bytes: every index build asks this of every commit message.
    let bytes = line.utf8
    return ownTrailers.contains { trailer in
      let prefix = trailer.utf8
      guard bytes.count == prefix.count + 41, bytes.starts(with: prefix),
        bytes[bytes.index(bytes.startIndex, offsetBy: prefix.count)] == UInt8(ascii: " ")
      else { return false }
      return bytes.dropFirst(prefix.count + 1).allSatisfy(\.isLowerHexDigit)
    }
  }

  /// `message` without biostore's own trailer lines and trailing blank lines.
  static func userMessage(_ message: String) -> String {
    // Lines are taken off the end one at a time, so only the tail is read.
    var end = message.endIndex
    while true {
      let start = message[..<end].lastIndex(of: "\n").map { message.index(after: $0) }
      let line = message[(start ?? message.startIndex)..<end]
      guard line.trimmingWhitespace.isEmpty || isOwnTrailer(line) else { break }
      guard let start else { return "" }
      end = message.index(before: start)
    }
    return String(message[..<end])
  }
}

extension Substring {
  /// The text without leading and trailing whitespace, judged scalar by scalar: a space followed by a combining mark is a `Character` Swift calls whitespace, but the mark is text (found by Scripts/fuzz).
  var trimmingWhitespace: Substring {
    let scalars = unicodeScalars
    let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) ?? scalars.endIndex
    let end =
      scalars.lastIndex(where: { !$0.properties.isWhitespace }).map { scalars.index(after: $0) }
      ?? start
    return Substring(scalars[start..<end])
  }
}

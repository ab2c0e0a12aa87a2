/// The rules a version's text must meet before it is stored: UTF-8, not binary, not blank, not huge.
public enum VersionText {
  /// The largest text one version may hold (4 MiB): forty times the longest career story, small enough to diff in memory.
  public static let maximumBytes = 4 * 1024 * 1024

  /// Returns `bytes` as a string, or throws `StoreError.badText` saying why they cannot be a version.
  public static func validated(_ bytes: [UInt8]) throws(StoreError) -> String {
    guard bytes.count <= maximumBytes else {
      throw .badText(
        reason:
          "the text is \(bytes.count) bytes, over the limit of \(maximumBytes) bytes (4 MiB) for one version"
      )
    }
    guard !bytes.contains(0) else {
      throw .badText(
        reason: "the text looks binary (it holds NUL bytes); save Markdown or plain text")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .badText(reason: "the text is not valid UTF-8; convert it first (e.g. with iconv)")
    }
    guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
      throw .badText(reason: "the text is empty or only whitespace")
    }
    return text
  }
}

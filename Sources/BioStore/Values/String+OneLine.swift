extension String {
  /// The string with every control and format character written as an escape (`\n`, `\t`, `\r`, `\u{1b}`), so a message quoting it stays one line and cannot drive the terminal.
  ///
  /// Paths and names are quoted in messages as they are; this is applied once, where a message is
  /// printed, so no message can forget it. A backslash is left alone, so escaping twice changes nothing.
  public var escapedForOneLine: String {
    // Printable ASCII needs no escape, and is nearly every message: a listing escapes thousands.
    if utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return self }
    var result = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      switch scalar {
      case "\n": result.append(contentsOf: #"\n"#.unicodeScalars)
      case "\t": result.append(contentsOf: #"\t"#.unicodeScalars)
      case "\r": result.append(contentsOf: #"\r"#.unicodeScalars)
      default:
        let category = scalar.properties.generalCategory
        if category == .control || category == .format || category == .lineSeparator
          || category == .paragraphSeparator
        {
          result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
        } else {
          result.append(scalar)
        }
      }
    }
    return String(result)
  }
}

internal import Clibgit2

/// A name, e-mail and time with its UTC offset, as in a commit's author or committer line.
public struct Signature: Hashable, Sendable {
  /// The person's name.
  public var name: String
  /// The person's e-mail address.
  public var email: String
  /// Seconds since the Unix epoch.
  public var time: Int64
  /// The offset from UTC in minutes, as the signature was written.
  public var offsetMinutes: Int

  /// Makes a signature from its parts.
  public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
    self.name = name
    self.email = email
    self.time = time
    self.offsetMinutes = offsetMinutes
  }

  init(_ signature: UnsafePointer<git_signature>) {
    name = String(cString: signature.pointee.name)
    email = String(cString: signature.pointee.email)
    time = signature.pointee.when.time
    offsetMinutes = Int(signature.pointee.when.offset)
  }

  /// `text` as git's `ident.c` keeps a name or e-mail: crud trimmed from both ends, and the header's delimiters (`<`, `>`, a newline) dropped.
  ///
  /// Crud is what git strips from the ends: spaces, control characters and `.,:;<>"\'`. Other
  /// characters inside are kept, as git keeps them, so biostore and stock git record one name alike.
  public static func withoutCrud(_ text: String) -> String {
    func isCrud(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value <= 32 || ".,:;<>\"\\'".unicodeScalars.contains(scalar)
    }
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.firstIndex(where: { !isCrud($0) }),
      let last = scalars.lastIndex(where: { !isCrud($0) })
    else { return "" }
    var kept = String.UnicodeScalarView()
    for scalar in scalars[first...last] where scalar != "<" && scalar != ">" && scalar != "\n" {
      kept.append(scalar)
    }
    return String(kept)
  }

  /// The signature as the value of an `author`, `committer` or `tagger` header: `name <email> seconds ±hhmm`.
  ///
  /// Written here rather than by libgit2, whose writer (1.5) prints the seconds as a 32-bit
  /// unsigned number and so records 2500-01-01 as 2091. The name and e-mail go through
  /// `withoutCrud` so the line is one that `git fsck --strict` accepts.
  var headerValue: String {
    let sign = offsetMinutes < 0 ? "-" : "+"
    let offset = abs(offsetMinutes)
    let hours = offset / 60 < 10 ? "0\(offset / 60)" : "\(offset / 60)"
    let minutes = offset % 60 < 10 ? "0\(offset % 60)" : "\(offset % 60)"
    return
      "\(Signature.withoutCrud(name)) <\(Signature.withoutCrud(email))> \(time) \(sign)\(hours)\(minutes)"
  }

  /// `headerValue`, or an error for a time before 1970, which a git header cannot hold.
  func checkedHeaderValue() throws(GitError) -> String {
    guard time >= 0 else {
      throw GitError(
        code: GIT_EINVALID.rawValue, message: "a git date cannot be before 1970-01-01T00:00:00Z",
        function: "Signature.headerValue")
    }
    return headerValue
  }
}

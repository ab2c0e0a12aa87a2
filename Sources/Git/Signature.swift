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

  /// Calls `body` with a libgit2 copy of this signature, freed afterwards.
  func withGitSignature<T>(
    _ body: (UnsafePointer<git_signature>) throws(GitError) -> T
  ) throws(GitError) -> T {
    var signature: UnsafeMutablePointer<git_signature>?
    // git_signature_new takes the offset in minutes.
    try check(
      git_signature_new(&signature, name, email, git_time_t(time), Int32(offsetMinutes)),
      "git_signature_new")
    defer { git_signature_free(signature) }
    return try body(signature!)
  }
}

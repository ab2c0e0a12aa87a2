internal import Clibgit2

/// An error reported by libgit2, with the function that failed and libgit2's own message.
public struct GitError: Error, CustomStringConvertible, Sendable {
  /// What kind of failure this is, for callers that can act on it.
  public enum Kind: Sendable {
    /// The object, reference or path does not exist.
    case notFound
    /// The reference or object already exists.
    case exists
    /// A short id matches more than one object.
    case ambiguous
    /// A reference changed between reading it and updating it.
    case modified
    /// Another process holds a lock file.
    case locked
    /// Anything else.
    case other
  }

  /// libgit2's return code (`GIT_ENOTFOUND`, `GIT_EEXISTS`, …).
  public let code: Int32
  /// libgit2's message from `git_error_last`, or a fallback when it has none.
  public let message: String
  /// The libgit2 function that failed.
  public let function: String

  /// The failure classified by its return code.
  public var kind: Kind {
    switch code {
    case GIT_ENOTFOUND.rawValue: .notFound
    case GIT_EEXISTS.rawValue: .exists
    case GIT_EAMBIGUOUS.rawValue: .ambiguous
    case GIT_EMODIFIED.rawValue: .modified
    case GIT_ELOCKED.rawValue: .locked
    default: .other
    }
  }

  /// A one-line account of the failure.
  public var description: String { "\(function) failed: \(message)" }
}

/// Throws a `GitError` when `result` is negative, reading and clearing libgit2's thread-local error.
@discardableResult
func check(_ result: Int32, _ function: String) throws(GitError) -> Int32 {
  guard result < 0 else { return result }
  var message = "error \(result)"
  if let last = git_error_last(), let text = last.pointee.message {
    message = String(cString: text).trimmingTrailingNewlines()
  }
  git_error_clear()
  throw GitError(code: result, message: message, function: function)
}

extension String {
  fileprivate func trimmingTrailingNewlines() -> String {
    var text = self
    while text.last == "\n" { text.removeLast() }
    return text
  }
}

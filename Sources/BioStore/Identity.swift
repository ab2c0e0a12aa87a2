import Foundation
import Git

/// Who biostore records as author and committer: git config's `user.name` and `user.email`, else `$USER@localhost`.
struct Identity: Equatable {
  var name: String
  var email: String

  /// Reads the identity from the repository's config (which includes the user's), never failing for want of one.
  static func read(from repository: Repository, environment: [String: String]) -> Identity {
    let configuredName = (try? repository.configString("user.name")).flatMap(nonEmpty)
    let configuredEmail = (try? repository.configString("user.email")).flatMap(nonEmpty)
    let user = environment["USER"].flatMap(nonEmpty) ?? "biostore"
    return Identity(
      name: configuredName ?? user, email: configuredEmail ?? "\(user)@localhost")
  }

  /// A signature for this identity at `time`.
  func signature(at time: Timestamp) -> Signature {
    Signature(name: name, email: email, time: time.seconds, offsetMinutes: time.offsetMinutes)
  }

  private static func nonEmpty(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty ? nil : trimmed
  }
}

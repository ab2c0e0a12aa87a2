import Foundation
import Git

/// Who biostore records as author and committer: git config's `user.name` and `user.email`, else `$USER@localhost`.
///
/// Each part is cleaned as git's `ident.c` cleans it (`Signature.withoutCrud`), so a newline or
/// `<` in the config or in `$USER` cannot produce a commit that `git fsck --strict` rejects; a
/// part with nothing left falls back to the next source.
struct Identity: Equatable {
  var name: String
  var email: String
  /// The fixed moment commits and tags are recorded at (`WriterSettings.recordedAt`); nil means now.
  var recordedAt: Timestamp? = nil

  /// Reads the identity from the repository's config (which includes the user's), never failing for want of one.
  static func read(from repository: Repository, user: String?) -> Identity {
    let configuredName = (try? repository.configString("user.name")).flatMap(nonEmpty)
    let configuredEmail = (try? repository.configString("user.email")).flatMap(nonEmpty)
    let user = user.flatMap(nonEmpty) ?? "biostore"
    return Identity(
      name: configuredName ?? user, email: configuredEmail ?? "\(user)@localhost")
  }

  /// A signature for this identity at the moment of recording: now, unless the settings fix it.
  func signatureNow() -> Signature { signature(at: recordedAt ?? .now()) }

  /// A signature for this identity at `time`.
  func signature(at time: Timestamp) -> Signature {
    Signature(name: name, email: email, time: time.seconds, offsetMinutes: time.offsetMinutes)
  }

  private static func nonEmpty(_ text: String) -> String? {
    let cleaned = Signature.withoutCrud(text)
    return cleaned.isEmpty ? nil : cleaned
  }
}

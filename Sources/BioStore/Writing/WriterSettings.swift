import Foundation

/// What the process environment says about writing, read once when a store is opened: how long to wait for another writer, whom to record when git config names nobody, and what a pull or push may offer a server.
public struct WriterSettings: Sendable {
  /// Seconds to wait for the writer lock: `$BIOSTORE_LOCK_TIMEOUT`, else `WriterLock.defaultTimeout`.
  let lockTimeout: Double
  /// The login name commits and tags are recorded under when git config has no `user.name` or `user.email` (`$USER`).
  let user: String?
  /// The moment commits and tags are recorded as made (their committer and tagger date), when `$SOURCE_DATE_EPOCH` fixes it; nil means now.
  ///
  /// The reproducible-builds variable, so a script (the demo) gets the same commit ids on every
  /// run; as-of dates are never taken from it.
  let recordedAt: Timestamp?
  /// The home folder, for `~/.ssh` and `~/.git-credentials` (`$HOME`).
  let home: String?
  /// The HTTPS token (`$BIOSTORE_TOKEN`) and its user (`$BIOSTORE_USER`), when a token is set.
  let token: (user: String?, token: String)?
  /// Whether an ssh-agent is reachable (`$SSH_AUTH_SOCK` is set).
  let sshAgent: Bool
  /// The certificate authorities HTTPS trusts (`$SSL_CERT_FILE`), when set.
  let certificateFile: String?

  /// The settings `environment` (the process's variables) gives; an empty one gives the defaults.
  public init(environment: [String: String]) {
    lockTimeout =
      environment["BIOSTORE_LOCK_TIMEOUT"].flatMap(Double.init).map { max(0, $0) }
      ?? WriterLock.defaultTimeout
    user = environment["USER"]
    recordedAt = environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init).map {
      Timestamp(seconds: $0, offsetMinutes: 0)
    }
    home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
    token = environment["BIOSTORE_TOKEN"].flatMap {
      $0.isEmpty ? nil : (environment["BIOSTORE_USER"], $0)
    }
    sshAgent = environment["SSH_AUTH_SOCK"] != nil
    certificateFile = environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The settings of this process's own environment, read variable by variable because copying the whole environment is measurable in a quick read.
  public static var ofThisProcess: WriterSettings {
    var environment: [String: String] = [:]
    for name in [
      "BIOSTORE_LOCK_TIMEOUT", "USER", "SOURCE_DATE_EPOCH", "HOME", "BIOSTORE_TOKEN",
      "BIOSTORE_USER", "SSH_AUTH_SOCK", "SSL_CERT_FILE",
    ] {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    return WriterSettings(environment: environment)
  }
}

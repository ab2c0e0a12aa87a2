import Foundation

/// What the process environment says about writing, read once when a store is opened: how long to wait for another writer, and whom to record when git config names nobody.
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

  /// The settings `environment` (the process's variables) gives; an empty one gives the defaults.
  public init(environment: [String: String]) {
    lockTimeout =
      environment["BIOSTORE_LOCK_TIMEOUT"].flatMap(Double.init).map { max(0, $0) }
      ?? WriterLock.defaultTimeout
    user = environment["USER"]
    recordedAt = environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init).map {
      Timestamp(seconds: $0, offsetMinutes: 0)
    }
  }

  /// The settings of this process's own environment, read variable by variable because copying the whole environment is measurable in a quick read.
  public static var ofThisProcess: WriterSettings {
    var environment: [String: String] = [:]
    for name in ["BIOSTORE_LOCK_TIMEOUT", "USER", "SOURCE_DATE_EPOCH"] {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    return WriterSettings(environment: environment)
  }
}

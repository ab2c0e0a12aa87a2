import Foundation
import Git

/// A failure in the user's words: what went wrong and what to do next, with the exit code it deserves.
public enum StoreError: Error, Equatable, CustomStringConvertible {
  /// No store exists at the path.
  case noStore(path: String)
  /// The path exists but is not a usable store.
  case notAStore(path: String, reason: String)
  /// The path is a git repository that `biostore init` did not mark as a store (with history, or empty).
  case unmarkedRepository(path: String, hasHistory: Bool)
  /// A variant or engagement name breaks the naming rule.
  case badName(String, suggestion: String?)
  /// A date could not be read.
  case badDate(String)
  /// A spec could not be read.
  case badSpec(String, reason: String)
  /// The text to save is unusable.
  case badText(reason: String)
  /// There was no text to save.
  case nothingToSave(variant: String, path: String)
  /// A file given on the command line could not be read.
  case unreadableFile(path: String, reason: String)
  /// The variant has never been saved.
  case unknownVariant(String, known: [String])
  /// The variant existed and was removed.
  case removedVariant(String, on: Timestamp, commit: ObjectID)
  /// No version of the variant is dated on or before the date.
  case noVersion(of: String, onOrBefore: String, earliest: Timestamp)
  /// `~N` walks past the first version.
  case tooFarBack(variant: String, steps: Int, available: Int)
  /// The commit prefix matches nothing or several commits.
  case unknownCommit(String, ambiguous: Bool)
  /// The commit has no file for the variant.
  case variantNotInCommit(String, commit: ObjectID)
  /// `~N` was asked of a commit off the main line.
  case commitNotOnMainLine(ObjectID)
  /// A save is dated before the variant's latest version.
  case dateBeforeLatest(variant: String, date: Timestamp, latest: Timestamp)
  /// A version's as-of date is before 1970-01-01T00:00:00Z, which a git commit cannot hold, or after 9999-12-31, which stock git reads back wrong.
  case dateOutOfRange(variant: String, date: Timestamp)
  /// `--since` is after `--until`, so nothing can match.
  case emptyDateRange(since: String, until: String)
  /// A version's as-of date is more than a day in the future and `--future` was not given.
  case futureDate(variant: String, date: Timestamp)
  /// `remote add` of a name the store already has.
  case remoteExists(String)
  /// A remote name the store does not have.
  case unknownRemote(String, known: [String])
  /// A fetch or push that failed: the server was unreachable, refused the credentials, or is no git repository.
  case remoteFailed(remote: String, action: String, reason: String)
  /// A push the server refused for some references.
  case pushRefused(remote: String, refused: [PushedReference])
  /// A pull whose local removal or rename no longer fits what the remote has.
  case pullConflict(remote: String, reason: String)
  /// `amend` was given nothing that differs from the version as it is.
  case nothingToAmend(String)
  /// `amend --date` would put a version before its variant's previous one (`isBefore`) or after its next one.
  case amendBreaksOrder(variant: String, date: Timestamp, neighbour: Timestamp, isBefore: Bool)
  /// The write log's newest entry names a reference or object biostore never writes there (a planted or damaged log).
  case badWriteLog(name: String)
  /// `undo` would take off the line a version an engagement recorded since was sent.
  case undoWouldStrand(summary: String, engagement: String)
  /// A rewrite or undo would replace commits a remote this store knows has.
  case rewritesShared(reference: String)
  /// `undo` found no write in the write log to take back.
  case nothingToUndo
  /// `undo` of the store's first commit, which has no line before it.
  case cannotUndoFirstCommit(summary: String)
  /// `undo` found a reference the write moved changed since by another tool.
  case cannotUndo(summary: String, changed: String)
  /// `save --insert` was given no text: the work-tree file holds the latest version, not an older one.
  case insertNeedsText(variant: String)
  /// `save --insert` of a text equal to the version before its date, which would be no version.
  case insertSameAsBefore(variant: String, date: Timestamp)
  /// `save --insert` of a text equal to the variant's next version, which would then be no version.
  case insertSameAsNext(variant: String, date: Timestamp, next: Timestamp)
  /// An older version that would go before its variant's removal or rename, which cannot carry it.
  case insertAcrossRemoval(variant: String, date: Timestamp, removedOn: Timestamp)
  /// A commit or tag message holds a NUL character, which git's objects cannot hold (`git fsck` reports it).
  case nulInMessage(of: String)
  /// The work-tree file has edits that are not saved.
  case handEdited(path: String, variant: String)
  /// Another writer held the lock for too long.
  case lockTimeout(seconds: Double)
  /// The branch moved while this command was writing.
  case concurrentUpdate
  /// The editor failed.
  case editorFailed(command: String, reason: String)
  /// `edit` ran outside a terminal with neither `$VISUAL` nor `$EDITOR` set.
  case noEditor
  /// The store already exists where `init` was asked to create one.
  case cannotCreate(path: String, reason: String)
  /// A git or file-system failure the user cannot fix by retyping the command.
  case storage(String)
  /// No engagement has this name.
  case unknownEngagement(String, known: [String])
  /// What follows `@` in a spec is no date, engagement or commit; `closest` holds the nearest engagement names.
  case nothingMatchesAfterAt(String, closest: [String])
  /// An engagement's name was given where a variant goes (`show sc24-tpc`).
  case engagementNotVariant(String)
  /// An engagement with this name exists and `--force` was not given.
  case engagementExists(String, date: CivilDate)
  /// The engagement was not sent this variant.
  case notSent(variant: String, engagement: String, sent: [String])
  /// The engagement's tag points at no commit.
  case unreadableEngagement(String)
  /// No engagement matches a `recall` query.
  case noEngagementMatches(String, closest: [String])
  /// `remote add` was given an empty URL.
  case emptyRemoteURL(String)
  /// A phrase to look for with nothing in it to match.
  case emptyPhrase(String)
  /// No version looked at says any of the phrases.
  case noPhraseFound([String], allVersions: Bool, variant: String? = nil)
  /// No version looked at fits the limit; the shortest one is named, with its length.
  case nothingFits(limit: LengthLimit, allVersions: Bool, shortest: String?, length: Int?)
  /// `stale` was given no phrase and the store keeps none.
  case noRetiredPhrases
  /// A tag was given two versions of one variant.
  case duplicateVariant(String)
  /// An engagement date that is not one day.
  case badEngagementDate(String)
  /// A folder to import breaks the export format.
  case badExport(path: String, reason: String)
  /// An import would add variants or engagements the store already has.
  case importConflict(variants: [String], engagements: [String])
  /// An export's destination already holds something.
  case exportDestinationExists(String)
  /// The variant was renamed.
  case renamedVariant(String, to: String, on: Timestamp, commit: ObjectID)
  /// A rename's new name is taken.
  case variantExists(String)
  /// The repository to import from cannot be opened or read.
  case sourceRepository(String, reason: String)
  /// The file to import never existed on the source's main line.
  case pathNeverExisted(String, repository: String)
  /// The heading to extract is in no revision of the source.
  case sectionNotFound(heading: String, source: String, quoteOnly: Bool)
  /// The heading is in the file, but nothing (or no blockquote) is under it.
  case sectionEmpty(heading: String, source: String, quoteOnly: Bool)
  /// A variant file or a file biostore keeps is a symbolic link, a folder or another non-regular file.
  case notARegularFile(path: String, link: Bool)
  /// A folder biostore keeps under `.git` is a symbolic link or not a folder.
  case notAFolder(path: String, link: Bool)
  /// `HEAD` names a commit, not the branch, so the checked-out files are not the branch's.
  case detachedHead(path: String, branch: String)
  /// `HEAD` names something other than a local branch holding a commit id (a tag, a remote branch, another symbolic reference).
  case headNotABranch(path: String, target: String)
  /// A merge, rebase, cherry-pick or the like is half done in the store.
  case operationInProgress(String, path: String)
  /// A write failed before anything was recorded.
  case notRecorded(String)
  /// A program a document needs (pandoc, Chromium) is not installed: its name and Debian package.
  case missingTool(String, package: String)
  /// A program a document needs failed, and why.
  case toolFailed(String, reason: String)
  /// The file a document was to be written to already exists.
  case outputExists(String)

  /// The same failure, said to have recorded nothing: for a failure before a write's point of no return.
  var beforeAnythingWasRecorded: StoreError {
    if case .storage(let message) = self { return .notRecorded(message) }
    return self
  }
  /// The variant gained a version, or was removed, while it was open in the editor.
  case changedWhileEditing(variant: String, latest: ObjectID?)
  /// What `edit` could not save, and where the edited text was kept (nil: nowhere, so the CLI prints it).
  indirect case editNotSaved(StoreError, variant: String, keptAt: String?)

  /// 2 for bad usage or input, 1 for everything refused or not found.
  public var exitCode: Int32 {
    switch self {
    case .badName, .badDate, .badSpec, .badText, .nothingToSave, .unreadableFile,
      .duplicateVariant, .badEngagementDate, .badExport, .dateOutOfRange, .futureDate,
      .insertNeedsText, .nothingToAmend, .emptyPhrase, .noRetiredPhrases, .emptyRemoteURL,
      .emptyDateRange,
      .nulInMessage:
      2
    case .editNotSaved(let reason, _, _): reason.exitCode
    default: 1
    }
  }
}

extension StoreError {
  /// Why a file in the store that biostore reads without following links could not be read, as the error to give.
  init(reading path: String, _ problem: UnfollowedFile.Problem, limit: String) {
    switch problem {
    case .symbolicLink: self = .notARegularFile(path: path, link: true)
    case .notRegular: self = .notARegularFile(path: path, link: false)
    case .tooLarge: self = .badText(reason: "\(path) is over \(limit)")
    case .failed(let reason): self = .unreadableFile(path: path, reason: reason)
    }
  }
}

extension String {
  /// The string made one line (`escapedForOneLine`) and cut to 80 characters, for quoting what a user typed.
  var printable: String {
    let escaped = String(String.UnicodeScalarView(unicodeScalars.prefix(80))).escapedForOneLine
    return unicodeScalars.count > 80 ? escaped + "…" : escaped
  }
}

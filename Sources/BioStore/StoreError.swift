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
  /// A pull whose local versions cannot go on top of the remote's without rewriting what it has.
  case pullNeedsRewrite(remote: String, variant: String, local: Timestamp, remoteDate: Timestamp)
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
      .insertNeedsText, .nothingToAmend,
      .emptyDateRange,
      .nulInMessage:
      2
    case .editNotSaved(let reason, _, _): reason.exitCode
    default: 1
    }
  }

  /// One sentence saying what was wrong and what to do next.
  public var description: String {
    switch self {
    case .noStore(let path):
      "no store at \(path); create one with `biostore init` or point --store or BIOSTORE_DIR at an existing one"
    case .unmarkedRepository(let path, let hasHistory):
      hasHistory
        ? "\(path) is a git repository with history that biostore did not make (a website or a project?), so nothing was changed; `biostore init --adopt` makes it a store (its branch takes a commit per version and every .md file in its root counts as a variant), or choose a new folder"
        : "\(path) is an empty git repository that is not marked as a store; run `biostore init` there to make it one"
    case .notAStore(let path, let reason):
      "\(path) is not a biostore store (\(reason)); pass --store with a store made by `biostore init`"
    case .badName(let name, let suggestion):
      "invalid name '\(name.printable)': names are 1 to 64 lower-case letters, digits and inner hyphens"
        + (suggestion.map { "; try '\($0)'" } ?? "")
    case .badDate(let text):
      "invalid date '\(text.printable)': use YYYY, YYYY-MM, YYYY-MM-DD (a real day, from 1970-01-01T00:00:00Z to 9999-12-31) or RFC 3339 with an offset, e.g. 2024-04-08T13:12:18-07:00"
    case .badSpec(let spec, let reason):
      "invalid version '\(spec.printable)': \(reason); write VARIANT, VARIANT@DATE, VARIANT@ENGAGEMENT, VARIANT@COMMIT or VARIANT~N"
    case .badText(let reason):
      "\(reason); nothing was saved"
    case .nothingToSave(let variant, let path):
      "no text to save for \(variant): give --file FILE, pipe the text on stdin, or edit \(path)"
    case .unreadableFile(let path, let reason):
      "cannot read \(path): \(reason)"
    case .unknownVariant(let name, let known):
      "no variant named '\(name)'"
        + (known.isEmpty
          ? "; the store is empty: save one with `biostore save \(name) --file FILE`"
          : "; the store has \(known.joined(separator: ", ")) (see `biostore list`)")
    case .removedVariant(let name, let date, let commit):
      "\(name) was removed on \(date.rfc3339) (commit \(commit.short)); reach older versions with \(name)@DATE or `biostore history \(name)`"
    case .noVersion(let variant, let date, let earliest):
      "\(variant) has no version dated on or before \(date); its first version is dated \(earliest.rfc3339)"
    case .tooFarBack(let variant, let steps, let available):
      "\(variant) has only \(available) version\(available == 1 ? "" : "s") up to there, so ~\(steps) goes back past the first; see `biostore history \(variant)`"
    case .unknownCommit(let prefix, let ambiguous):
      ambiguous
        ? "commit prefix '\(prefix)' matches more than one commit; give more hex digits"
        : "no engagement, date or commit matches '\(prefix.printable)'; see `biostore history` for commit ids"
    case .variantNotInCommit(let variant, let commit):
      "commit \(commit.short) has no \(variant).md; see `biostore history \(variant)` for its versions"
    case .commitNotOnMainLine(let commit):
      "commit \(commit.short) is not on the store's main line, so ~N cannot count versions from it"
    case .dateOutOfRange(let variant, let date):
      "as-of date \(date) for \(variant) is outside 1970-01-01T00:00:00Z to 9999-12-31, the dates a git commit holds faithfully; give a date in that range; nothing was recorded"
    case .nulInMessage(let what):
      "the message for \(what) holds a NUL character, which a git commit or tag cannot hold; remove it and run the command again; nothing was recorded"
    case .emptyDateRange(let since, let until):
      "--since \(since.printable) is after --until \(until.printable), so nothing can match; give the earlier date to --since"
    case .futureDate(let variant, let date):
      "as-of date \(date.rfc3339) for \(variant) is more than a day in the future, most likely a typo that would make every later save look older; give the date you meant, or --future if it is right (a save already made with a wrong date is taken back with `biostore undo` or corrected with `biostore amend`); nothing was recorded"
    case .remoteExists(let name):
      "the store already has a remote named \(name); `biostore remote list` shows them, `biostore remote remove \(name)` removes it"
    case .unknownRemote(let name, let known):
      known.isEmpty
        ? "the store has no remote named \(name) (it has none); add one with `biostore remote add \(name) URL`"
        : "the store has no remote named \(name); it has \(known.joined(separator: ", "))"
    case .remoteFailed(let remote, let action, let reason):
      "cannot \(action) \(remote): \(reason); nothing in the store was changed"
    case .pushRefused(let remote, let refused):
      "\(remote) refused "
        + refused.map { "\($0.name) (\($0.refusal ?? "refused"))" }.joined(separator: ", ")
        + (refused.contains {
          ($0.refusal ?? "").contains("fast") || ($0.refusal ?? "").contains("fetch first")
        }
          ? "; it has versions this store lacks: run `biostore pull \(remote)` (or `biostore sync`) first"
          : "")
    case .pullNeedsRewrite(let remote, let variant, let local, let remoteDate):
      "this store's version of \(variant) as of \(local.rfc3339) is older than \(remote)'s (\(remoteDate.rfc3339)), so it cannot go on top of \(remote)'s line without breaking date order, and putting it below would rewrite versions other copies have; nothing was changed (save it as a variant of its own, or take it back with `biostore undo` and pull again)"
    case .pullConflict(let remote, let reason):
      "cannot put this store's writes on top of \(remote)'s: \(reason); nothing was changed"
    case .nothingToAmend(let spec):
      "\(spec) already has that date and message; give --date or -m with something new; nothing was changed"
    case .amendBreaksOrder(let variant, let date, let neighbour, let isBefore):
      "as-of date \(date.rfc3339) would put this version of \(variant) \(isBefore ? "before its previous" : "after its next") version (\(neighbour.rfc3339)); versions are kept in date order, so give a date between its neighbours (or take the version back with `biostore undo` and save it again with --insert); nothing was changed"
    case .badWriteLog(let name):
      "the newest entry of the write log (.git/biostore/writes) names \(name), which biostore never writes there, so it is not acted on; remove the file to start the log again (nothing in the store depends on it); nothing was changed"
    case .undoWouldStrand(let summary, let engagement):
      "cannot take back “\(summary)”: engagement \(engagement), recorded since, was sent a version it made, which would then be off the line; retire it first (`biostore untag \(engagement)`) or keep the write; nothing was changed"
    case .rewritesShared(let reference):
      "this would replace commits that \(reference.dropFirst("refs/remotes/".count)) already has, so other copies would hold a line this store no longer has; give --rewrite-shared to do it anyway (then `biostore push --force`, and replace the other copies), or leave the record as it is; nothing was changed"
    case .nothingToUndo:
      "there is no biostore write to take back in this store's write log (.git/biostore/writes keeps the last \(WriteLog.capacity)); nothing was changed"
    case .cannotUndoFirstCommit(let summary):
      "“\(summary)” made the store's first commit, and there is no line before it to go back to; retire a variant with `biostore rm VARIANT` instead; nothing was changed"
    case .cannotUndo(let summary, let changed):
      "cannot take back “\(summary)”: \(changed) was changed since by another tool, and undoing it would lose that; look with `git log --all` in the store; nothing was changed"
    case .insertNeedsText(let variant):
      "save --insert needs the older text from --file or a pipe (\(variant).md in the store holds the latest version); nothing was recorded"
    case .insertSameAsNext(let variant, let date, let next):
      "the text is the same as \(variant)'s next version (\(next.rfc3339)), so inserting it at \(date.day) would leave that version no change of its own and move any engagement sent it; nothing was recorded (give that version the earlier date with `biostore amend \(variant)@\(next.day) --date \(date.day)` if that is what you mean)"
    case .insertAcrossRemoval(let variant, let date, let removedOn):
      "a version of \(variant) dated \(date.rfc3339) would go before \(variant)'s removal or rename on \(removedOn.day), and biostore cannot carry a text across it; save it as a variant of its own instead; nothing was recorded"
    case .insertSameAsBefore(let variant, let date):
      "the text is the same as \(variant)'s version before \(date.day), so inserting it would record no version; nothing was recorded"
    case .dateBeforeLatest(let variant, let date, let latest):
      latest.seconds > Timestamp.now().seconds + 86_400
        ? "as-of date \(date.rfc3339) is older than \(variant)'s latest version, which is dated in the future (\(latest.rfc3339)); versions are kept in date order, so every earlier date is refused until that version is taken back (`biostore undo`) or its date corrected (`biostore amend \(variant) --date D`); nothing was recorded"
        : "as-of date \(date.rfc3339) is older than \(variant)'s latest version (\(latest.rfc3339)); versions are kept in date order so that \(variant)@DATE and ~N mean what they say, and a later --date would misdate this text: give --insert to put it in its place among the older versions (every later version is written again on top with its text, date and message, and the old line is kept under refs/biostore/replaced/), or keep it as a variant of its own (`biostore save \(variant)-\(date.day.prefix(4)) --date \(date.day)`); nothing was recorded"
    case .handEdited(let path, let variant):
      "\(path) has unsaved hand edits; record them with `biostore save \(variant)` (no input) or discard them with `git checkout -- \(variant).md` in the store"
    case .lockTimeout(let seconds):
      "another biostore command has been writing to this store for over \(seconds.formatted()) s; try again (BIOSTORE_LOCK_TIMEOUT sets the wait)"
    case .concurrentUpdate:
      "the store's branch moved while saving (another tool wrote to it); nothing was saved, run the command again"
    case .noEditor:
      "no editor is set and this is not a terminal, so `vi` cannot run; set EDITOR (e.g. `EDITOR=nano biostore edit …`), or give the text with `biostore save VARIANT --file FILE`; nothing was saved"
    case .editorFailed(let command, let reason):
      "editor '\(command)' \(reason); nothing was saved"
    case .cannotCreate(let path, let reason):
      "cannot create a store at \(path): \(reason)"
    case .storage(let message):
      "\(message)"
    case .nothingMatchesAfterAt(let name, let closest):
      "no engagement, date or commit matches '\(name.printable)'"
        + (closest.first.map {
          "; did you mean engagement \($0)? (see `biostore engagements`, or `biostore history` for commit ids)"
        } ?? "; see `biostore history` for commit ids")
    case .engagementNotVariant(let name):
      "\(name) is an engagement, not a variant: `biostore recall \(name)` prints what it was sent, `biostore show VARIANT@\(name)` one version of it"
    case .unknownEngagement(let name, let known):
      "no engagement named '\(name.printable)'"
        + (known.isEmpty
          ? "; record one with `biostore tag \(name.printable) VARIANT`"
          : "; closest: \(known.joined(separator: ", ")) (see `biostore engagements`)")
    case .engagementExists(let name, let date):
      "engagement '\(name)' already exists (dated \(date)); add --force to replace it (the old tag is kept under refs/biostore/replaced/\(name)/)"
    case .notSent(let variant, let engagement, let sent):
      "engagement \(engagement) was not sent \(variant)"
        + (sent.isEmpty ? "" : "; it was sent \(sent.joined(separator: ", "))")
    case .unreadableEngagement(let name):
      "the tag of engagement \(name) does not point at a commit; see `git show engagements/\(name)` in the store"
    case .noEngagementMatches(let query, let closest):
      "no engagement matches '\(query.printable)'"
        + (closest.isEmpty
          ? "; the store has no engagements yet (record one with `biostore tag NAME VARIANT`)"
          : "; closest names: \(closest.joined(separator: ", ")) (see `biostore engagements`)")
    case .duplicateVariant(let variant):
      "\(variant) is given twice; an engagement is sent one version of each variant"
    case .badExport(let path, let reason):
      "cannot import \(path): \(reason); nothing was imported"
    case .importConflict(let variants, let engagements):
      "the store already has "
        + (variants.map { "variant \($0)" } + engagements.map { "engagement \($0)" })
        .joined(separator: ", ")
        + "; add --append to import only versions newer than the store's, or import into a new store"
    case .renamedVariant(let name, let new, let date, let commit):
      "\(name) was renamed to \(new) on \(date.rfc3339) (commit \(commit.short)); use \(new), whose history goes on from \(name)'s"
    case .variantExists(let name):
      "a variant named \(name) already exists; choose another name, or `biostore rm \(name)` first"
    case .sourceRepository(let path, let reason):
      "cannot read the git repository at \(path) (\(reason)); give the folder of a repository with commits"
    case .pathNeverExisted(let path, let repository):
      "\(path) never existed in the history of HEAD in \(repository); give its path from the repository's root, as `git log --follow -- PATH` knows it"
    case .sectionNotFound(let heading, let source, _) where heading.isEmpty:
      "no blockquote in \(source.printable); leave out --quote to take the whole text"
    case .sectionNotFound(let heading, let source, let quoteOnly):
      "no heading '\(heading.printable)'\(quoteOnly ? " with a blockquote under it" : "") in \(source.printable); give an ATX heading's text (e.g. --section Biosketch for '### Biosketch')"
    case .sectionEmpty(let heading, let source, let quoteOnly):
      "heading '\(heading.printable)' in \(source) has no \(quoteOnly ? "blockquote" : "text") under it; \(quoteOnly ? "leave out --quote to take the section's text" : "give the heading of a section with text")"
    case .exportDestinationExists(let path):
      "\(path) already exists and is not empty; export into a new folder"
    case .badEngagementDate(let text):
      "invalid engagement date '\(text.printable)': give YYYY-MM-DD (or YYYY-MM or YYYY for its first day), or RFC 3339"
    case .notARegularFile(let path, let link):
      link
        ? "\(path) is a symbolic link; biostore never follows links in a store: replace it with a regular file (or remove it) and run the command again"
        : "\(path) is not a regular file; move it away and run the command again"
    case .notAFolder(let path, let link):
      link
        ? "\(path) is a symbolic link; biostore never follows links in a store: remove the link (biostore makes the folder again) and run the command again"
        : "\(path) is not a folder; move it away (biostore makes the folder again) and run the command again"
    case .headNotABranch(let path, let target):
      "the store's HEAD names \(target.printable), which is not a branch biostore can move (it is a tag, a remote branch or a symbolic reference), so nothing was recorded; check out a branch with `git -C \(path) checkout main` and run the command again"
    case .detachedHead(let path, let branch):
      "the store's HEAD is detached (an old commit is checked out), so nothing was recorded; go back with `git -C \(path) checkout \(branch.dropFirst("refs/heads/".count))` and run the command again"
    case .operationInProgress(let operation, let path):
      "a git \(operation) is in progress in \(path), so nothing was recorded; "
        + (operation == "bisect"
          ? "end it with `git bisect reset`"
          : "finish it (`git \(operation) --continue`) or abort it (`git \(operation) --abort`)")
        + " and run the command again"
    case .notRecorded(let reason):
      "\(reason); nothing was recorded: fix that and run the command again"
    case .changedWhileEditing(let variant, let latest):
      "\(variant) changed while you were editing (\(latest.map { "version \($0.short)" } ?? "it was removed") was recorded meanwhile), so your text was not saved over it"
    case .editNotSaved(let reason, let variant, let keptAt?):
      "\(reason.description); your edited text is kept in \(keptAt): compare it with `biostore show \(variant)` and save it with `biostore save \(variant) --file \(keptAt)`"
    case .editNotSaved(let reason, _, nil):
      "\(reason.description); your edited text could not be kept in the store either, so it is printed on stdout"
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

import Foundation
import Git

// The one-line message of every `StoreError`, kept apart from the cases so that each file reads in one sitting.

extension StoreError {
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
    case .emptyRemoteURL(let name):
      "give remote \(name) a URL or a path, e.g. `biostore remote add \(name) ssh://host/srv/bios.git`"
    case .emptyPhrase(let phrase):
      "'\(phrase.printable)' has no words to look for; give a phrase such as \"Product Manager\""
    case .noPhraseFound(let phrases, let allVersions, let variant):
      StoreError.noPhraseMessage(phrases, allVersions: allVersions, variant: variant)
    case .nothingFits(let limit, let allVersions, let shortest, let length):
      "no \(allVersions ? "version" : "variant's latest version") fits \(limit)"
        + (shortest.map { "; the shortest is \($0) at \(limit.rule.describe(length ?? 0))" }
          ?? "; the store has no versions yet")
        + (allVersions ? "" : " (add --all-versions to look at every version)")
    case .noRetiredPhrases:
      "give the phrases to look for, or keep them in the store with `biostore stale --add PHRASE`"
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
    case .missingTool(let name, let package):
      "this needs \(name), which is not installed; install it with `sudo apt-get install -y \(package)` (or run Scripts/setup), or choose --format html"
    case .toolFailed(let name, let reason):
      "\(name) could not write the document: \(reason.printable); nothing was written"
    case .outputExists(let path):
      "\(path) already exists; give -o a new file name, or remove it first"
    case .exportDestinationExists(let path):
      "\(path) already exists and is not empty; write into a new folder, or remove it first"
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
  /// Where no version said any of `phrases`, and where to look instead.
  fileprivate static func noPhraseMessage(
    _ phrases: [String], allVersions: Bool, variant: String?
  ) -> String {
    let looked =
      variant.map { "version of \($0)" }
      ?? (allVersions ? "version of any variant" : "variant's latest text")
    let hint =
      variant != nil
      ? " (leave out --variant to look at every variant)"
      : allVersions ? "" : " (add --all-versions to look at every version)"
    return "no \(looked) says " + phrases.map { "'\($0.printable)'" }.joined(separator: " or ")
      + hint
  }
}

import BioStore
import ProseDiff

/// The lines biostore prints about what a command did or found, kept in one place so that the commands that share a report word it the same way.
///
/// Titles, venues and notes are escaped (`escapedForOneLine`): a tag written with stock git may hold
/// a terminal's escape sequences, which must reach the screen as text.
enum Report {
  /// Prints what a save did: the new version on stdout, or an "unchanged" note on stderr.
  static func print(_ outcome: SaveOutcome, of store: Store) throws {
    switch outcome {
    case .recorded(let version):
      let words = ProseText(try store.text(of: version)).wordCount
      Swift.print(
        "Saved \(version.variant) as of \(version.date.rfc3339) (\(version.id.short), \(words) word\(words == 1 ? "" : "s"))"
      )
    case .inserted(let version, let replayed, let keptTip):
      let words = ProseText(try store.text(of: version)).wordCount
      Swift.print(
        "Inserted \(version.variant) as of \(version.date.rfc3339) (\(version.id.short), \(words) word\(words == 1 ? "" : "s")) in date order; \(replayed) later commit\(replayed == 1 ? "" : "s") written again on top"
          + (keptTip.map { ", the old line kept as \($0)" } ?? ""))
    case .unchanged(let variant):
      Console.note("\(variant) is unchanged; nothing recorded")
    }
  }

  /// "12 versions of 3 variants, 1 rename and 2 engagements", for export and import reports (renames and removals named only when there are some).
  static func transfer(_ summary: TransferSummary) -> String {
    func count(_ number: Int, _ noun: String) -> String {
      "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
    let versions = summary.versions.values.reduce(0, +)
    var parts = [count(versions, "version") + " of " + count(summary.versions.count, "variant")]
    if summary.renames > 0 { parts.append(count(summary.renames, "rename")) }
    if summary.removals > 0 { parts.append(count(summary.removals, "removal")) }
    return parts.joined(separator: ", ") + " and " + count(summary.engagements.count, "engagement")
  }

  /// "Imported 21 versions of biosketch, 2015-03-01 to 2026-01-10 (23 revisions read, …)", for `import-git`.
  static func imported(_ outcome: GitImportOutcome, into variant: VariantName) -> String {
    var details = [
      "\(outcome.revisionsRead) revision\(outcome.revisionsRead == 1 ? "" : "s") read"
    ]
    if outcome.revisionsWithoutText > 0 {
      details.append("\(outcome.revisionsWithoutText) without the text")
    }
    if outcome.alreadyImported > 0 {
      details.append("\(outcome.alreadyImported) already imported")
    }
    if outcome.olderLeftOut > 0 {
      details.append("\(outcome.olderLeftOut) older left out")
    }
    if outcome.olderInserted > 0 {
      details.append(
        "\(outcome.olderInserted) older inserted in date order, \(outcome.replayed) later commit\(outcome.replayed == 1 ? "" : "s") written again"
          + (outcome.keptTip.map { ", the old tip kept as \($0)" } ?? ""))
    }
    let count = outcome.recorded.count
    let span =
      outcome.recorded.first.map { first in
        let last = outcome.recorded.last?.date.day ?? first.date.day
        return first.date.day == last ? ", \(last)" : ", \(first.date.day) to \(last)"
      } ?? ""
    return
      "Imported \(count) version\(count == 1 ? "" : "s") of \(variant)\(span) "
      + "(\(details.joined(separator: ", ")))"
  }
}

extension Report {
  /// `main` for `refs/heads/main`, `sc24-tpc` for its engagement tag.
  static func shortReference(_ name: String) -> String {
    for prefix in ["refs/heads/", "refs/tags/engagements/"] where name.hasPrefix(prefix) {
      return String(name.dropFirst(prefix.count))
    }
    return name
  }

  /// Prints the references a push changed on `remote`, or that it had them all already.
  static func print(_ pushed: PushOutcome, to remote: String) {
    if pushed.moved.isEmpty && pushed.retired.isEmpty {
      Swift.print("\(remote) is up to date")
      return
    }
    if !pushed.moved.isEmpty {
      Swift.print(
        "Pushed to \(remote): " + pushed.moved.map(shortReference).joined(separator: ", "))
    }
    if !pushed.retired.isEmpty {
      Swift.print(
        "Retired on \(remote), as here: " + pushed.retired.joined(separator: ", "))
    }
  }

  /// Prints what a pull did, a line for the branch and one for each engagement that needs a word.
  static func print(_ outcome: PullOutcome, from remote: String) {
    switch outcome.branch {
    case .remoteEmpty: Swift.print("\(remote) has no versions yet")
    case .upToDate: Swift.print("Already up to date with \(remote)")
    case .localAhead: Swift.print("This store has everything \(remote) has, and more (push it)")
    case .fastForwarded(let commits):
      Swift.print("Took \(commits) commit\(commits == 1 ? "" : "s") from \(remote)")
    case .replayed(let local, let remoteCount):
      Swift.print(
        "Took \(remoteCount) commit\(remoteCount == 1 ? "" : "s") from \(remote)"
          + (local == 0
            ? "; this store's own were there already"
            : " and wrote this store's \(local) again on top")
          + (outcome.keptTip.map { " (the tip before is kept as \($0))" } ?? ""))
    }
    for (variant, date) in outcome.alreadyThere {
      Console.note(
        "this store's version of \(variant) as of \(date.rfc3339) has the same text as one \(remote) has; \(remote)'s version, with its date and message, is kept in its place (yours stays under the tip kept before)"
      )
    }
    for variant in outcome.savedOnBothSides {
      Console.note(
        outcome.remoteAgainOnTop.contains(variant)
          ? "\(variant) was saved on both sides and this store's version is the older; both are kept: this store's went on top of \(remote)'s, and \(remote)'s newer text was saved again above it (`biostore history \(variant)`)"
          : "\(variant) was saved on both sides; both versions are kept, the newer on top (`biostore history \(variant)`)"
      )
    }
    if !outcome.newEngagements.isEmpty {
      Swift.print("New engagements: " + outcome.newEngagements.joined(separator: ", "))
    }
    for name in outcome.editedHere {
      Console.note(
        "engagement \(name) was edited here since \(remote) recorded it; this store's record is kept, and push sends it"
      )
    }
    for (name, kept) in outcome.differingEngagements {
      Console.note(
        "engagement \(name) was recorded differently on \(remote); its record is taken, this store's kept as \(kept)"
      )
    }
    for name in outcome.unreadableNames {
      Console.warn(
        "\(remote) has a tag engagements/\(name), whose name is not an engagement name; it was not taken"
      )
    }
    for name in outcome.retiredHere {
      Console.note(
        "engagement \(name) was retired here and \(remote) still has it; it stays retired, and push retires it there"
      )
    }
    for (name, kept) in outcome.retiredThere {
      Console.note("engagement \(name) was retired on \(remote); retired here too, kept as \(kept)")
    }
    for name in outcome.keptThoughRetiredThere {
      Console.note(
        "engagement \(name) was retired on \(remote) but recorded differently here since; this store's record is kept, and push sends it"
      )
    }
  }
}

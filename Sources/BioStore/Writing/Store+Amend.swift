import Git

/// What `amend` did: the version as it now reads, and how much of the line was written again.
public struct AmendOutcome: Sendable {
  /// The amended version, in its new commit.
  public let version: Version
  /// How many later commits were written again on top of it.
  public let replayed: Int
  /// Where the old tip is kept (`refs/biostore/replaced/refs/heads/main/N`).
  public let keptTip: String
}

extension Store {
  /// Changes the as-of date or the message of the version `spec` names, writing every later commit again on top as a rebase would, as one journaled write.
  ///
  /// Trees are unchanged, so the work tree is too; later commits keep their authors, committers
  /// and messages, engagement tags that name a rewritten commit are written again naming its new
  /// one, and the old tip and tags stay under `refs/biostore/replaced/`. A date that would put
  /// the version before its variant's previous version or after its next one is refused, since
  /// versions are kept in date order; so is one more than a day ahead unless `allowingFuture`.
  public func amend(
    _ spec: Spec, date: DateInput?, message: String?, allowingFuture: Bool = false,
    rewritingShared: Bool = false
  ) throws(StoreError) -> AmendOutcome {
    try withWriterLock { (writer) throws(StoreError) -> AmendOutcome in
      let version = try self.version(spec)
      guard version.lineIndex != nil else {
        throw .badSpec(
          spec.text, reason: "it is not a version on the main line, so it cannot be amended")
      }
      let asOf = date?.asOfTimestamp() ?? version.date
      if !allowingFuture, date != nil, asOf.seconds > Timestamp.now().seconds + 86_400 {
        throw .futureDate(variant: version.variant.rawValue, date: asOf)
      }
      try checkOrder(of: version, at: asOf)
      var steps: [MainLineStep] = []
      try walkMainLine { step in
        steps.append(step)
        return step.commit.id != version.id
      }
      guard let amended = steps.last?.commit, amended.id == version.id else {
        throw .badSpec(spec.text, reason: "its commit is not on the main line")
      }
      try refuseReplacingShared(amended.id, allowed: rewritingShared)
      let newMessage = try amendedMessage(amended.message, to: message)
      guard asOf != version.date || newMessage != amended.message else {
        throw .nothingToAmend(spec.text)
      }
      try writer.checkWriteable([
        PendingVersion(variant: version.variant, bytes: nil, message: newMessage, asOf: asOf)
      ])
      var replaced: [ObjectID: ObjectID] = [:]
      let newTip = try writer.unrecorded { () throws(GitError) -> ObjectID in
        var author = amended.author
        author.time = asOf.seconds
        author.offsetMinutes = asOf.offsetMinutes
        var parent = try repository.createCommit(
          tree: amended.treeID, parents: amended.parentIDs, author: author,
          committer: amended.committer, message: newMessage)
        replaced[amended.id] = parent
        for step in steps.dropLast().reversed() {
          let commit = step.commit
          parent = try repository.createCommit(
            tree: commit.treeID, parents: [parent] + commit.parentIDs.dropFirst(),
            author: commit.author, committer: commit.committer, message: commit.message)
          replaced[commit.id] = parent
        }
        return parent
      }
      guard let tip = steps.first?.commit.id else { throw .storage("the main line is empty") }
      let keptTip = try nextReplacedName(under: replacedTipPrefix)
      let moves =
        [
          WriteJournal.ReferenceMove(name: keptTip, old: nil, new: tip),
          WriteJournal.ReferenceMove(name: branch, old: tip, new: newTip),
        ] + (try engagementMoves(following: replaced, writer: writer))
      var journal = WriteJournal(changes: [], references: moves)
      journal.sharedBase = amended.parentIDs.first
      var what: [String] = []
      if asOf != version.date { what.append("date to \(asOf.rfc3339)") }
      if newMessage != amended.message { what.append("message") }
      try writer.record(
        journal,
        summary:
          "amend \(version.variant) as of \(version.date.rfc3339) (\(version.id.short)): \(what.joined(separator: " and "))"
      )
      guard let newID = replaced[amended.id] else { throw .storage("no commit was written") }
      return AmendOutcome(
        version: Version(
          variant: version.variant, commit: try commit(newID), blobID: version.blobID,
          lineIndex: version.lineIndex),
        replayed: steps.count - 1, keptTip: keptTip)
    }
  }

  /// Refuses a new as-of date that would put `version` before its previous version or after its next one in the history of any name that shows it (after `mv a b`, `history b` goes on into `a`'s versions).
  private func checkOrder(of version: Version, at date: Timestamp) throws(StoreError) {
    guard date != version.date else { return }
    for variant in try index.variants() {
      let newestFirst = try index.history(of: variant).versions.map(\.version)
      guard let position = newestFirst.firstIndex(where: { $0.id == version.id }) else {
        continue
      }
      if position + 1 < newestFirst.count, date < newestFirst[position + 1].date {
        throw .amendBreaksOrder(
          variant: variant.rawValue, date: date, neighbour: newestFirst[position + 1].date,
          isBefore: true)
      }
      if position > 0, date > newestFirst[position - 1].date {
        throw .amendBreaksOrder(
          variant: variant.rawValue, date: date, neighbour: newestFirst[position - 1].date,
          isBefore: false)
      }
    }
  }

  /// The commit message with its person's part replaced by `message` (biostore's own trailers kept), or as it was when `message` is nil.
  private func amendedMessage(_ old: String, to message: String?) throws(StoreError) -> String {
    guard let message else { return old }
    let text = message.trimmingWhitespace
    guard !text.isEmpty else {
      throw .badText(reason: "the new message is empty; give the words with -m")
    }
    let trailers = old.split(separator: "\n").filter { Version.isOwnTrailer($0) }
    return String(text) + (trailers.isEmpty ? "" : "\n\n" + trailers.joined(separator: "\n")) + "\n"
  }
}

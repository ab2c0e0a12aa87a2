import Git

/// What putting versions into the main line in date order did.
struct Insertion {
  /// The new commits of the inserted versions, oldest first.
  var recorded: [ObjectID] = []
  /// How many later commits were written again on top of them.
  var replayed = 0
  /// Where the old tip is kept when the line was rewritten (`refs/biostore/replaced/refs/heads/main/N`).
  var keptTip: String?
}

extension Store {
  /// Where a branch tip replaced by a rewrite is kept: `refs/biostore/replaced/<branch>/N`.
  ///
  /// Beside the engagement tags' `refs/biostore/replaced/NAME/N`; the two cannot collide, since a
  /// kept tag's last part is a number and a branch's path goes on past `refs/heads/`.
  var replacedTipPrefix: String { "refs/biostore/replaced/\(branch)/" }

  /// Puts `versions` (sorted by date) into the main line in date order: one newer than its variant's latest version goes on the tip; an older one goes after the newest commit dated on or before it (between its variant's versions before and after it), and every later commit is written again on top, as a rebase would. Call under the writer lock.
  ///
  /// The replayed commits keep their trees (but for the inserted variant's file until its next
  /// change), authors, committers and messages; merges keep their other parents. Engagement tags
  /// that name a replayed commit are written again naming its new commit, which holds the same
  /// text. The old tip and every replaced tag stay reachable under `refs/biostore/replaced/`, the
  /// whole write is one journal, and nothing is refused for being out of order. An older version
  /// whose variant is removed or renamed before its next version is refused: it would have to be
  /// carried across the rename.
  ///
  /// An older version whose text equals its variant's next version would leave that version no
  /// change of its own, so it would drop out of `history` and an engagement sent it would move:
  /// it is refused when `refusingSameAsNext` (`save --insert`), else left out (`import-git`).
  ///
  /// A rewrite of commits a remote has is refused unless `allowingSharedRewrite`.
  func insertVersions(
    _ versions: [PendingVersion], writer: StoreWriter, refusingSameAsNext: Bool = false,
    allowingSharedRewrite: Bool = false
  ) throws(StoreError) -> Insertion {
    guard let tip = try tipCommit() else {
      return Insertion(
        recorded: try writer.commitVersions(versions, parent: nil))
    }
    let line = try mainLine(coveringPositionsOf: versions)
    var after: [Int: [PendingVersion]] = [:]
    for version in versions {
      let position = try position(of: version, in: line)
      let next = line.indices.first { index in
        index > position && line[index].changes.contains { $0.variant == version.variant }
      }
      // Another version inserted between them is the next text instead.
      let nextDate = next.map { Timestamp(line[$0].commit.author) }
      let insertedBetween = versions.contains { other in
        other.variant == version.variant && other.asOf > version.asOf
          && nextDate.map { other.asOf <= $0 } ?? true
      }
      if let next, !insertedBetween, let bytes = version.bytes,
        line[next].changes.first(where: { $0.variant == version.variant })?.newBlob
          == (try blobID(of: bytes))
      {
        guard !refusingSameAsNext else {
          throw .insertSameAsNext(
            variant: version.variant.rawValue, date: version.asOf,
            next: Timestamp(line[next].commit.author))
        }
        continue
      }
      after[position, default: []].append(version)
    }
    guard !after.isEmpty else { return Insertion() }
    let base = after.keys.min() ?? line.count - 1
    if base == line.count - 1 {
      // Nothing older than the tip: an ordinary append, which keeps the index current.
      return Insertion(
        recorded: try writer.commitVersions(versions, parent: tip))
    }
    try writer.checkWriteable(versions)
    let identity = writer.identity
    let committer = identity.signatureNow()
    try refuseReplacingShared(line[base + 1].commit.id, allowed: allowingSharedRewrite)
    let baseCommit: Commit? =
      base >= 0 ? line[base].commit : try line[0].commit.parentIDs.first.map(commit)
    var insertion = Insertion()
    var replaced: [ObjectID: ObjectID] = [:]
    let newTip = try writer.unrecorded { () throws(GitError) -> ObjectID? in
      var parent = baseCommit?.id
      var tree = baseCommit?.treeID
      // The inserted text of each variant, carried into later commits until the variant's next change.
      var carried: [VariantName: ObjectID] = [:]
      func insert(_ pending: [PendingVersion]) throws(GitError) {
        for version in pending {
          let blob = try repository.writeBlob(version.bytes ?? [])
          let files = try tree.map { (id) throws(GitError) in try repository.treeEntries(id) } ?? []
          guard files.first(where: { $0.name == version.variant.fileName })?.id != blob else {
            continue  // the same text as the version before it: not a version
          }
          let newTree = try repository.writeTree(
            base: tree, changes: [version.variant.fileName: blob])
          let message = version.message.hasSuffix("\n") ? version.message : version.message + "\n"
          parent = try repository.createCommit(
            tree: newTree, parents: parent.map { [$0] } ?? [],
            author: identity.signature(at: version.asOf), committer: committer, message: message)
          insertion.recorded.append(parent!)
          tree = newTree
          carried[version.variant] = blob
        }
      }
      try insert(after[base] ?? [])
      for index in (base + 1)..<line.count {
        let step = line[index]
        for change in step.changes { carried[change.variant] = nil }
        let newTree = try repository.writeTree(
          base: step.commit.treeID,
          changes: Dictionary(
            uniqueKeysWithValues: carried.map { ($0.key.fileName, Optional($0.value)) }))
        let id = try repository.createCommit(
          tree: newTree, parents: (parent.map { [$0] } ?? []) + step.commit.parentIDs.dropFirst(),
          author: step.commit.author, committer: step.commit.committer,
          message: step.commit.message)
        replaced[step.commit.id] = id
        insertion.replayed += 1
        parent = id
        tree = newTree
        try insert(after[index] ?? [])
      }
      return parent
    }
    // Every text equal to the one before it: nothing to insert, so nothing is rewritten.
    guard let newTip, newTip != tip.id, !insertion.recorded.isEmpty else { return Insertion() }
    let keptTip = try nextReplacedName(under: replacedTipPrefix)
    insertion.keptTip = keptTip
    let oldFiles = try variantFiles(of: tip)
    let newFiles = try variantFiles(of: commit(newTip))
    let changes = Set(oldFiles.keys).union(newFiles.keys).sorted().compactMap { variant in
      oldFiles[variant] == newFiles[variant]
        ? nil
        : WriteJournal.FileChange(
          variant: variant.rawValue, oldBlob: oldFiles[variant], newBlob: newFiles[variant])
    }
    // The old tip is kept first: from the moment the branch could move, the old line is reachable.
    let moves =
      [
        WriteJournal.ReferenceMove(name: keptTip, old: nil, new: tip.id),
        WriteJournal.ReferenceMove(name: branch, old: tip.id, new: newTip),
      ] + (try engagementMoves(following: replaced, writer: writer))
    var journal = WriteJournal(changes: changes, references: moves)
    journal.sharedBase = baseCommit?.id
    try writer.record(
      journal,
      summary: "insert "
        + (versions.count <= 3
          ? versions.map { "\($0.variant) as of \($0.asOf.rfc3339)" }.joined(separator: ", ")
          : "\(insertion.recorded.count) older versions")
        + ", writing \(insertion.replayed) later commit\(insertion.replayed == 1 ? "" : "s") again")
    return insertion
  }

  /// The main line, oldest first, from the tip back far enough to hold every position `versions` can take: past each one's variant's last change dated on or before it, or to the root.
  private func mainLine(coveringPositionsOf versions: [PendingVersion]) throws(StoreError)
    -> [MainLineStep]
  {
    var waiting = versions
    var steps: [MainLineStep] = []
    try walkMainLine { step in
      steps.append(step)
      waiting.removeAll { version in
        step.changes.contains { $0.variant == version.variant }
          && step.commit.author.time <= version.asOf.seconds
      }
      return !waiting.isEmpty
    }
    return steps.reversed()
  }

  /// The index in `line` of the commit `version` goes after (-1: before the first): the tip for a version newer than its variant's every version, else the newest commit dated on or before it between its variant's versions before and after it.
  private func position(of version: PendingVersion, in line: [MainLineStep]) throws(StoreError)
    -> Int
  {
    let touches = line.indices.filter { index in
      line[index].changes.contains { $0.variant == version.variant }
    }
    let previous = touches.last { line[$0].commit.author.time <= version.asOf.seconds }
    guard let next = touches.first(where: { $0 > (previous ?? -1) }) else {
      return line.count - 1
    }
    if line[next].changes.contains(where: { $0.variant == version.variant && $0.newBlob == nil })
      || line[next].renames.contains(where: { $0.new == version.variant })
    {
      throw .insertAcrossRemoval(
        variant: version.variant.rawValue, date: version.asOf,
        removedOn: Timestamp(line[next].commit.author))
    }
    let newestInTime = ((previous ?? -1) + 1..<next).last {
      line[$0].commit.author.time <= version.asOf.seconds
    }
    return newestInTime ?? previous ?? -1
  }

  /// Refuses a write that would replace `commit` and every commit above it when a remote this store knows has `commit` (`refs/remotes/…` contains it), unless `allowed`: other copies would then hold a line this store no longer has.
  func refuseReplacingShared(_ commit: ObjectID, allowed: Bool) throws(StoreError) {
    guard !allowed else { return }
    let tracking = try storage { () throws(GitError) in
      try repository.referenceTargets(under: "refs/remotes/")
    }
    for (name, target) in tracking {
      var shared = target == commit
      if !shared {
        shared = try storage { () throws(GitError) in
          try repository.isDescendant(target, of: commit)
        }
      }
      if shared { throw .rewritesShared(reference: name) }
    }
  }

  /// `prefix` followed by one more than the largest number already kept under it.
  func nextReplacedName(under prefix: String) throws(StoreError) -> String {
    let kept = try storage { () throws(GitError) in try repository.referenceNames(under: prefix) }
      .compactMap { Int($0.dropFirst(prefix.count)) }
    return prefix + String((kept.max() ?? 0) + 1)
  }

  /// The tag moves that make every engagement naming a replayed commit name its new commit instead, each old tag kept under `refs/biostore/replaced/NAME/N` first.
  func engagementMoves(
    following replaced: [ObjectID: ObjectID], writer: StoreWriter
  ) throws(StoreError) -> [WriteJournal.ReferenceMove] {
    let references = try engagementReader.references()
    var moves: [WriteJournal.ReferenceMove] = []
    for (text, target) in references {
      guard let name = try? EngagementName(text) else { continue }
      guard
        let moved = try rewrittenTag(
          target, name: name, replaced: replaced, writer: writer)
      else { continue }
      moves.append(
        WriteJournal.ReferenceMove(
          name: try nextReplacedName(under: name.replacedPrefix), old: nil, new: target))
      moves.append(WriteJournal.ReferenceMove(name: name.referenceName, old: target, new: moved))
    }
    return moves
  }

  /// The object an engagement's reference should name after a rewrite, or nil when it names no replayed commit: the new commit for a lightweight tag, else a new tag (the old one's tagger and message, its `Variant:` ids made new) on the new commit.
  private func rewrittenTag(
    _ target: ObjectID, name: EngagementName, replaced: [ObjectID: ObjectID],
    writer: StoreWriter
  ) throws(StoreError) -> ObjectID? {
    let (parsed, peeled) = try engagementReader.peel(target)
    guard let peeled else { return nil }
    if !parsed.namesVariants, let newCommit = replaced[peeled] {
      return try pinnedTag(
        name: name, on: newCommit, from: target, replaced: replaced, writer: writer)
    }
    guard try storage({ () throws(GitError) in try repository.objectKind(target) }) == .tag else {
      return replaced[target]
    }
    let tag = try storage { () throws(GitError) in try repository.tag(target) }
    func renewed(_ text: Substring) -> String? {
      guard text.count >= 7, text.allSatisfy(\.isHexDigit) else { return nil }
      let matches = replaced.filter { $0.key.hex.hasPrefix(text.lowercased()) }
      return matches.count == 1 ? matches.first!.value.hex : nil
    }
    var changed = false
    let lines = tag.message.split(separator: "\n", omittingEmptySubsequences: false).map {
      line -> String in
      guard let colon = line.firstIndex(of: ":"),
        line[..<colon].lowercased() == "variant"
      else { return String(line) }
      let words = line[line.index(after: colon)...].split(separator: " ")
      guard words.count == 2, let id = renewed(words[1]) else { return String(line) }
      changed = true
      return "\(line[...colon]) \(words[0]) \(id)"
    }
    let newTarget = replaced[peeled]
    guard changed || newTarget != nil else { return nil }
    let commitID = newTarget ?? peeled
    return try writer.writeTag(
      name, on: commitID, message: lines.joined(separator: "\n"), tagger: tag.tagger)
  }

  /// A tag that names no variant means every variant of its commit; on a rewritten commit that
  /// would include an inserted text it was never sent. So it is written again with a `Variant:`
  /// line for each version it was sent (as read before the rewrite), made explicit, and its date
  /// written down, so `recall` gives the same texts and the same day.
  private func pinnedTag(
    name: EngagementName, on commitID: ObjectID, from target: ObjectID,
    replaced: [ObjectID: ObjectID], writer: StoreWriter
  ) throws(StoreError) -> ObjectID {
    guard let engagement = try engagement(named: name) else {
      throw .unreadableEngagement(name.rawValue)
    }
    let annotated = try storage { () throws(GitError) in try repository.objectKind(target) } == .tag
    let tag = annotated ? try storage { () throws(GitError) in try repository.tag(target) } : nil
    var message = tag.map { TagMessage(parsing: $0.message) } ?? TagMessage(parsing: name.rawValue)
    message.pins = engagement.sent.map { sent in
      TagMessage.Pin(
        variant: sent.version.variant, commit: (replaced[sent.version.id] ?? sent.version.id).hex)
    }
    message.namesVariants = true
    message.date = engagement.date
    return try writer.writeTag(name, on: commitID, message: message.text, tagger: tag?.tagger)
  }
}

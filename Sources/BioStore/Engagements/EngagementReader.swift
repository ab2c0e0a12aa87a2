import Git

/// The one reader of engagement tags: it lists them, peels each to its commit, and expands its pins once with one rule for a commit prefix, for `engagements`, `recall`, `history` and `VARIANT@ENGAGEMENT`.
///
/// The rule: a whole 40-digit id is used as it stands (that is what `biostore tag` writes, and it
/// needs no look-up); anything else must be the prefix of exactly one commit. A pin that names no
/// commit is the problem "VARIANT: no commit PREFIX" in a listing and `unknownCommit` in a spec.
/// Resolving a pin to the version sent (in `EngagementReader+Sent.swift`) is the history index's.
struct EngagementReader {
  /// The store's branch line, read through.
  let mainLine: MainLine
  /// The history index, which says which version a pinned commit holds.
  let index: HistoryIndex

  /// Where engagement tags live.
  static let prefix = "refs/tags/engagements/"

  private var repository: Repository { mainLine.repository }

  /// Every reference under `refs/tags/engagements/`, by the name after the prefix (valid or not), with the object it points at.
  func references() throws(StoreError) -> [(name: String, target: ObjectID)] {
    try mainLine.storage { () throws(GitError) in
      try repository.referenceTargets(under: EngagementReader.prefix)
    }.map { (String($0.name.dropFirst(EngagementReader.prefix.count)), $0.target) }
  }

  /// The valid engagement names, sorted.
  func names() throws(StoreError) -> [EngagementName] {
    try mainLine.storage { () throws(GitError) in
      try repository.referenceNames(under: EngagementReader.prefix)
    }.compactMap { try? EngagementName(String($0.dropFirst(EngagementReader.prefix.count))) }
  }

  /// What the tag reference of `name` points at, or nil when there is none.
  func target(of name: EngagementName) throws(StoreError) -> ObjectID? {
    try mainLine.storage { () throws(GitError) in
      try repository.referenceTarget(name.referenceName)
    }
  }

  /// The engagement tag `name` whose reference points at `target`, read and with its pins expanded.
  func tag(_ name: EngagementName, at target: ObjectID) throws(StoreError) -> EngagementTag {
    try tag(name, peeled: peel(target))
  }

  /// The engagement tag `name` from its message and commit as `peel` read them, with its pins expanded.
  func tag(
    _ name: EngagementName, peeled: (message: TagMessage, commit: ObjectID?)
  ) throws(StoreError) -> EngagementTag {
    let (message, commit) = peeled
    guard let commit else {
      return EngagementTag(name: name, message: message, commit: nil, pins: [])
    }
    let pins: [EngagementTag.Pin]
    if message.namesVariants {
      pins = message.pins.map { pin in
        EngagementTag.Pin(
          variant: pin.variant, commit: pin.commit.map(commitID(prefix:)) ?? .success(commit))
      }
    } else {
      // A tag without `Variant:` lines (made by hand) sends every variant of its commit.
      pins = try mainLine.variantFiles(of: mainLine.commit(commit)).keys.sorted().map {
        EngagementTag.Pin(variant: $0, commit: .success(commit))
      }
    }
    return EngagementTag(name: name, message: message, commit: commit, pins: pins)
  }

  /// The engagement tag `name`, or nil when there is none.
  func tag(named name: EngagementName) throws(StoreError) -> EngagementTag? {
    try target(of: name).map { (target) throws(StoreError) in try tag(name, at: target) }
  }

  /// The commit engagement `name` pinned for `variant`, or nil when no engagement has that name (the `VARIANT@ENGAGEMENT` spec).
  func pinnedCommit(named name: String, variant: VariantName) throws(StoreError) -> ObjectID? {
    guard let name = try? EngagementName(name), let tag = try tag(named: name) else { return nil }
    guard tag.commit != nil else { throw .unreadableEngagement(name.rawValue) }
    // A tag made before `mv OLD variant` names the variant OLD: its pin is still the one meant.
    var pin = tag.pins.first { $0.variant == variant }
    if pin == nil {
      let names = try index.namesInHistory(of: variant)
      pin = tag.pins.first { names.contains($0.variant) }
    }
    guard let pin else {
      throw .notSent(
        variant: variant.rawValue, engagement: name.rawValue, sent: tag.pins.map(\.variant.rawValue)
      )
    }
    return try pin.commit.get()
  }

  /// The commit a pin's `prefix` names, by the reader's one rule.
  private func commitID(prefix: String) -> Result<ObjectID, StoreError> {
    if let id = ObjectID(hex: prefix), id.hex == prefix { return .success(id) }
    return Result { () throws(StoreError) in try mainLine.commit(prefix: prefix).id }
  }

  /// The message of the tag at `target` and the id of the commit it points at (nil, with a problem noted, when it points at no commit).
  ///
  /// A lightweight tag (a reference straight to a commit) has an empty message; its date falls back
  /// to the commit's. Without a `Date:` trailer the engagement is dated the day it was tagged.
  func peel(_ target: ObjectID) throws(StoreError) -> (TagMessage, ObjectID?) {
    try mainLine.storage { () throws(GitError) in
      var id = target
      var kind = try repository.objectKind(id)
      var message: TagMessage?
      var taggedOn: Timestamp?
      // Peel tags of tags as deep as git does (it sets no depth). SHA-1 ids cannot form a loop,
      // but a damaged or replaced object could, so a tag seen twice ends the walk.
      var seen: Set<ObjectID> = []
      var problem = "the tag does not point at a commit"
      peeling: while true {
        switch kind {
        case .tag:
          guard seen.insert(id).inserted else {
            problem = "the tag's chain of tags loops back to \(id.short)"
            break peeling
          }
          let tag = try repository.tag(id)
          if message == nil {
            message = TagMessage(parsing: tag.message)
            taggedOn = tag.tagger.map(Timestamp.init)
          }
          // The tag names its target's kind: no second read to find out.
          (id, kind) = (tag.targetID, tag.targetKind)
        case .commit:
          var result = message ?? TagMessage(parsing: "")
          // The commit is read only for a message without `Date:` from a tag without a tagger.
          if result.date == nil {
            var when = taggedOn
            if when == nil { when = Timestamp(try repository.commit(id).committer) }
            result.date = when?.calendarDate
          }
          return (result, id)
        case .tree, .blob:
          break peeling
        }
      }
      var result = message ?? TagMessage(parsing: "")
      result.date = result.date ?? taggedOn?.calendarDate
      result.problems.append(problem)
      return (result, nil)
    }
  }
}

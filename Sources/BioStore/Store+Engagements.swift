import Git

extension Store {
  /// The valid names of the engagement tags, sorted.
  func engagementNames() throws(StoreError) -> [EngagementName] {
    try storage { () throws(GitError) in
      try repository.referenceNames(under: Store.engagementPrefix)
    }.compactMap { try? EngagementName(String($0.dropFirst(Store.engagementPrefix.count))) }
  }

  /// Where engagement tags live.
  static let engagementPrefix = "refs/tags/engagements/"

  /// The engagements sent a version of `variant` (any, when nil) and dated within `since`…`until`.
  public func engagements(
    sentVersionOf variant: VariantName?, since: DateInput?, until: DateInput?
  ) throws(StoreError) -> EngagementListing {
    let listing = try engagements()
    // An engagement date is a whole day; noon UTC stands for it against an instant bound.
    func instant(_ day: CivilDate) -> Timestamp {
      Timestamp(seconds: day.daysSinceEpoch * 86_400 + 43_200, offsetMinutes: 0)
    }
    return EngagementListing(
      engagements: listing.engagements.filter { engagement in
        (variant.map { engagement.version(of: $0) != nil } ?? true)
          && (since.map { $0.admitsOnOrAfter(instant(engagement.date)) } ?? true)
          && (until.map { $0.admitsOnOrBefore(instant(engagement.date)) } ?? true)
      }, warnings: listing.warnings)
  }

  /// Every engagement tag under `refs/tags/engagements/`, read and resolved to the versions sent (their texts left out).
  public func engagements() throws(StoreError) -> EngagementListing {
    try engagements(readingTexts: false) { _, _ in true }
  }

  /// The engagement tags that `include` accepts by name and message, read and resolved to the versions sent, with their texts when `readingTexts`.
  private func engagements(
    readingTexts: Bool, where include: (EngagementName, TagMessage) -> Bool
  ) throws(StoreError) -> EngagementListing {
    let prefix = Store.engagementPrefix
    let references = try storage { () throws(GitError) in
      try repository.referenceNames(under: prefix)
    }
    var engagements: [Engagement] = []
    var warnings: [String] = []
    for reference in references {
      let text = String(reference.dropFirst(prefix.count))
      guard let name = try? EngagementName(text) else {
        warnings.append("tag engagements/\(text.printable) is not a valid engagement name; skipped")
        continue
      }
      guard
        let engagement = try engagement(name, readingTexts: readingTexts, where: include)
      else { continue }
      warnings += engagement.problems.map { "engagement \(name): \($0)" }
      engagements.append(engagement)
    }
    engagements.sort { ($0.date, $0.name) < ($1.date, $1.name) }
    return EngagementListing(engagements: engagements, warnings: warnings)
  }

  /// The engagement named `name`, or nil when there is no such tag.
  public func engagement(named name: EngagementName) throws(StoreError) -> Engagement? {
    guard try tagTarget(of: name) != nil else { return nil }
    return try engagement(name, readingTexts: false) { _, _ in true }
  }

  /// The engagements whose name, title, venue or note hold every word of `query`, ignoring case, with the texts they were sent.
  public func recall(_ query: String) throws(StoreError) -> EngagementListing {
    // Matched on the tag messages first: only the hits are resolved and their texts read.
    let listing = try engagements(readingTexts: true) { name, message in
      Engagement.matches(
        query, fields: [name.rawValue, message.title, message.venue ?? "", message.note])
    }
    let hits = listing.engagements
    guard !hits.isEmpty else {
      throw .noEngagementMatches(
        query, closest: Store.closest(to: query, among: try engagementNames().map(\.rawValue)))
    }
    let hitNames = Set(hits.map { "engagement \($0.name):" })
    return EngagementListing(
      engagements: hits,
      warnings: listing.warnings.filter { warning in hitNames.contains { warning.hasPrefix($0) } })
  }

  /// The commit whose `variant` file engagement `name` was sent, or nil when no engagement has that name (the `VARIANT@ENGAGEMENT` spec).
  func engagementCommit(named name: String, variant: VariantName) throws(StoreError) -> Commit? {
    guard let name = try? EngagementName(name), let target = try tagTarget(of: name) else {
      return nil
    }
    let (message, commitID) = try readTag(target, name: name)
    guard let commitID else { throw .unreadableEngagement(name.rawValue) }
    let commit = try self.commit(commitID)
    if !message.namesVariants {
      guard try variantFiles(of: commit)[variant] != nil else {
        throw .notSent(
          variant: variant.rawValue, engagement: name.rawValue,
          sent: try variantFiles(of: commit).keys.sorted().map(\.rawValue))
      }
      return commit
    }
    guard let pin = message.pins.first(where: { $0.variant == variant }) else {
      throw .notSent(
        variant: variant.rawValue, engagement: name.rawValue,
        sent: message.pins.map(\.variant.rawValue))
    }
    return try pin.commit.map { (prefix) throws(StoreError) in try self.commit(prefix: prefix) }
      ?? commit
  }

  /// What the tag reference of `name` points at, or nil when there is none.
  func tagTarget(of name: EngagementName) throws(StoreError) -> ObjectID? {
    try storage { () throws(GitError) in try repository.referenceTarget(name.referenceName) }
  }

  /// Reads the engagement `name` and, if `include` accepts its message, resolves every pin to the version sent, reading the texts when `readingTexts`; nil when not included.
  private func engagement(
    _ name: EngagementName, readingTexts: Bool,
    where include: (EngagementName, TagMessage) -> Bool
  ) throws(StoreError) -> Engagement? {
    guard let target = try tagTarget(of: name) else { throw .unreadableEngagement(name.rawValue) }
    var (message, commitID) = try readTag(target, name: name)
    guard include(name, message) else { return nil }
    var sent: [SentVersion] = []
    if let commitID {
      let pins =
        message.namesVariants
        ? message.pins
        : try variantFiles(of: self.commit(commitID)).keys.sorted().map {
          TagMessage.Pin(variant: $0, commit: nil)
        }
      for pin in pins {
        if let version = try sentVersion(
          pin, taggedCommit: commitID, limit: message.limit, readingText: readingTexts,
          problems: &message.problems)
        {
          sent.append(version)
        }
      }
    }
    return Engagement(
      name: name, title: message.title, note: message.note, date: message.date ?? .epoch,
      venue: message.venue, limit: message.limit, sent: sent, problems: message.problems)
  }

  /// The version `pin` names, with its words and, when read or asked for, its text; nil with a problem noted when it cannot be found.
  private func sentVersion(
    _ pin: TagMessage.Pin, taggedCommit: ObjectID, limit: Int?, readingText: Bool,
    problems: inout [String]
  ) throws(StoreError) -> SentVersion? {
    var pinnedID = taggedCommit
    if let prefix = pin.commit {
      do {
        // `biostore tag` writes whole ids: those need no look-up before the index is asked.
        if let id = ObjectID(hex: prefix), id.hex == prefix {
          pinnedID = id
        } else {
          pinnedID = try self.commit(prefix: prefix).id
        }
      } catch {
        problems.append("\(pin.variant): no commit \(prefix.printable)")
        return nil
      }
    }
    let held: IndexedVersion?
    do {
      held = try index.version(of: pin.variant, heldBy: pinnedID)
    } catch .unknownCommit {
      problems.append("\(pin.variant): no commit \(pinnedID.hex)")
      return nil
    }
    guard let held else {
      problems.append("\(pin.variant): commit \(pinnedID.short) has no \(pin.variant).md")
      return nil
    }
    let text = readingText ? String(decoding: try bytes(of: held.version), as: UTF8.self) : nil
    return SentVersion(
      version: held.version, text: text, words: held.words,
      isOverLimit: limit.map { held.words > $0 } ?? false)
  }

  /// The message of the tag at `target` and the id of the commit it points at (nil, with a problem noted, when it points at no commit).
  ///
  /// A lightweight tag (a reference straight to a commit) has an empty message; its date falls back
  /// to the commit's. Without a `Date:` trailer the engagement is dated the day it was tagged.
  func readTag(_ target: ObjectID, name: EngagementName) throws(StoreError) -> (
    TagMessage, ObjectID?
  ) {
    try storage { () throws(GitError) in
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

  /// Up to three of `names`, nearest to `query` first, for a "did you mean" list.
  static func closest(to query: String, among names: [String]) -> [String] {
    let query = Array(query.lowercased().unicodeScalars)
    func distance(_ name: String) -> Int {
      let name = Array(name.unicodeScalars)
      var row = Array(0...name.count)
      for (i, a) in query.enumerated() {
        var previous = row[0]
        row[0] = i + 1
        for (j, b) in name.enumerated() {
          let current = row[j + 1]
          row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (a == b ? 0 : 1))
          previous = current
        }
      }
      return row[name.count]
    }
    return Array(names.sorted { (distance($0), $0) < (distance($1), $1) }.prefix(3))
  }
}

extension CivilDate {
  /// 1970-01-01, for an engagement whose tag gives no date at all.
  static let epoch = CivilDate(year: 1970, month: 1, day: 1)
}

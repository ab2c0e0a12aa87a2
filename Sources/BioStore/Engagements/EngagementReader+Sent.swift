import Git

extension EngagementReader {
  /// The engagement tags that `include` accepts by name and message, each resolved to the versions sent, with their texts when `readingTexts`, sorted by date and name.
  func engagements(
    readingTexts: Bool, where include: (EngagementName, TagMessage) -> Bool = { _, _ in true }
  ) throws(StoreError) -> EngagementListing {
    var engagements: [Engagement] = []
    var warnings: [String] = []
    for (text, target) in try references() {
      guard let name = try? EngagementName(text) else {
        warnings.append("tag engagements/\(text.printable) is not a valid engagement name; skipped")
        continue
      }
      // The message is read before the pins are looked up, so `recall` resolves only its hits.
      let peeled = try peel(target)
      guard include(name, peeled.0) else { continue }
      let engagement = try self.engagement(
        try tag(name, peeled: peeled), readingTexts: readingTexts)
      warnings += engagement.problems.map { "engagement \(name): \($0)" }
      engagements.append(engagement)
    }
    engagements.sort { ($0.date, $0.name) < ($1.date, $1.name) }
    return EngagementListing(engagements: engagements, warnings: warnings)
  }

  /// The engagement `tag` records, every pin resolved to the version sent, with its text when `readingTexts`; a pin that cannot be resolved is a problem, not an error.
  func engagement(_ tag: EngagementTag, readingTexts: Bool) throws(StoreError) -> Engagement {
    let message = tag.message
    var problems = message.problems
    var sent: [SentVersion] = []
    for pin in tag.pins {
      if let version = try sentVersion(
        pin, limit: message.limit, readingText: readingTexts, problems: &problems)
      {
        sent.append(version)
      }
    }
    return Engagement(
      name: tag.name, title: message.title, note: message.note, date: message.date ?? .epoch,
      venue: message.venue, limit: message.limit, sent: sent, problems: problems)
  }

  /// The version `pin` names, with its words and, when asked for, its text; nil with a problem noted when it cannot be found.
  private func sentVersion(
    _ pin: EngagementTag.Pin, limit: LengthLimit?, readingText: Bool, problems: inout [String]
  ) throws(StoreError) -> SentVersion? {
    guard case .success(let commit) = pin.commit else {
      problems.append(pin.problem ?? "\(pin.variant): no commit")
      return nil
    }
    let held: IndexedVersion?
    do {
      held = try index.version(of: pin.variant, heldBy: commit)
    } catch .unknownCommit {
      problems.append("\(pin.variant): no commit \(commit.hex)")
      return nil
    }
    guard let held else {
      problems.append("\(pin.variant): commit \(commit.short) has no \(pin.variant).md")
      return nil
    }
    // Only biostore's own words are in the index; another rule counts the text itself.
    let needsText = readingText || (limit.map { $0.rule != .words } ?? false)
    let text =
      needsText
      ? String(decoding: try mainLine.bytes(ofBlob: held.version.blobID), as: UTF8.self) : nil
    let length = limit.map { limit in
      limit.rule == .words ? held.words : limit.length(of: text ?? "")
    }
    return SentVersion(
      variant: pin.variant, version: held.version, text: readingText ? text : nil,
      words: held.words, length: length,
      isOverLimit: limit.map { (length ?? 0) > $0.count } ?? false)
  }

  /// The names of the engagements sent each of `versions` (the history of `variant`), by version commit, for `history`.
  ///
  /// A pin on a version's own commit (as `biostore tag` writes) is matched at once; a pin on any
  /// other commit (a hand-made tag on the tip) is resolved by the history index.
  func names(
    sentVersionsOf variant: VariantName, versions: [Version]
  ) throws(StoreError) -> [ObjectID: [String]] {
    // A history can reach into the variant it was renamed from: pins name the variant they were sent.
    let sentVersions = Set(versions.map { "\($0.variant) \($0.id.hex)" })
    let variants = Set(versions.map(\.variant)).union([variant])
    var names: [ObjectID: [String]] = [:]
    for entry in try cachedPins() {
      for pin in entry.pins where variants.contains(pin.variant) {
        var version = pin.commit
        if !sentVersions.contains("\(pin.variant) \(pin.commit.hex)") {
          let held: IndexedVersion?
          do {
            held = try index.version(of: pin.variant, heldBy: pin.commit)
          } catch .unknownCommit {
            continue
          }
          guard let held else { continue }
          version = held.version.id
        }
        names[version, default: []].append(entry.name)
      }
    }
    return names
  }

  /// Every engagement's pinned commits, read from the tags only where the cache is stale; a pin that names no commit is left out.
  private func cachedPins() throws(StoreError) -> [EngagementPinsCache.Entry] {
    let references = try references()
    let cache = EngagementPinsCache(path: index.files.directory + "/engagements.pins")
    let cached = cache.read()
    var entries: [EngagementPinsCache.Entry] = []
    var changed = cached.count != references.count
    for (name, target) in references {
      if let entry = cached[name], entry.referenceTarget == target {
        entries.append(entry)
        continue
      }
      changed = true
      var pins: [(variant: VariantName, commit: ObjectID)] = []
      if let engagement = try? EngagementName(name) {
        for pin in try tag(engagement, at: target).pins {
          if case .success(let commit) = pin.commit { pins.append((pin.variant, commit)) }
        }
      }
      entries.append(EngagementPinsCache.Entry(name: name, referenceTarget: target, pins: pins))
    }
    if changed { cache.write(entries, scratchDirectory: index.files.directory) }
    return entries
  }
}

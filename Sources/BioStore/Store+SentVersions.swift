import Foundation
import Git

extension Store {
  /// Every engagement's pinned commits, read from the tags only where the cache is stale.
  func engagementPins() throws(StoreError) -> [EngagementPins.Entry] {
    let references = try storage { () throws(GitError) in
      try repository.referenceTargets(under: Store.engagementPrefix)
    }
    let cache = EngagementPins(path: index.files.directory + "/engagements.pins")
    let cached = cache.read()
    var entries: [EngagementPins.Entry] = []
    var changed = cached.count != references.count
    for (reference, target) in references {
      let name = String(reference.dropFirst(Store.engagementPrefix.count))
      if let entry = cached[name], entry.referenceTarget == target {
        entries.append(entry)
        continue
      }
      changed = true
      var pins: [(variant: VariantName, commit: ObjectID)] = []
      if let engagement = try? EngagementName(name),
        case (let message, let commitID?) = try readTag(target, name: engagement)
      {
        if message.namesVariants {
          for pin in message.pins {
            if let prefix = pin.commit {
              if let pinned = try? self.commit(prefix: prefix) {
                pins.append((pin.variant, pinned.id))
              }
            } else {
              pins.append((pin.variant, commitID))
            }
          }
        } else {
          pins = try variantFiles(of: self.commit(commitID)).keys.sorted().map { ($0, commitID) }
        }
      }
      entries.append(EngagementPins.Entry(name: name, referenceTarget: target, pins: pins))
    }
    if changed { cache.write(entries, scratchDirectory: index.files.directory) }
    return entries
  }

  /// The names of the engagements sent each version of `variant`, by version commit, for `history`.
  ///
  /// A pin on a version's own commit (as `biostore tag` writes) is matched at once; a pin on any
  /// other commit (a hand-made tag on the tip) is resolved by the history index.
  func engagementNames(
    sentVersionsOf variant: VariantName, versions: [Version]
  ) throws(StoreError) -> [ObjectID: [String]] {
    // A history can reach into the variant it was renamed from: pins name the variant they were sent.
    let sentVersions = Set(versions.map { "\($0.variant) \($0.id.hex)" })
    let variants = Set(versions.map(\.variant)).union([variant])
    var names: [ObjectID: [String]] = [:]
    for entry in try engagementPins() {
      for pin in entry.pins where variants.contains(pin.variant) {
        var version = pin.commit
        if !sentVersions.contains("\(pin.variant) \(pin.commit.hex)") {
          guard let held = try index.version(of: pin.variant, heldBy: pin.commit) else {
            continue
          }
          version = held.version.id
        }
        names[version, default: []].append(entry.name)
      }
    }
    return names
  }
}

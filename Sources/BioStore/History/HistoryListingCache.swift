import Foundation
import Git

/// The text of `history VARIANT` (and of a plain `engagements`) kept in the index folder, valid for the branch tip and engagement tags it was made for.
///
/// The first line of each `<variant>.listing` file is its key, the variant's name (so a listing
/// copied to another variant's file is not believed) and the seal (length and checksum) of the
/// rest, the listing; a listing cut short, padded or changed does not match its seal and
/// is made again, as is one whose key does not match. The key names everything the listing
/// depends on: the tip fixes the versions, their counts and the removals and renames; the
/// engagement tags' targets (tag objects, which change whenever a tag's message does) fix who was
/// sent what. The key starts with a format number: raise it whenever `history`'s text changes, or
/// old listings would still be printed.
struct HistoryListingCache {
  /// The index folder that holds the files.
  let directory: String

  /// The key of a listing made at `tip` with the engagement tags `tags` (sorted by name).
  static func key(tip: ObjectID, tags: [(name: String, target: ObjectID)]) -> String {
    "biostore-listing 4 \(tip.hex) \(fingerprint(of: tags))"
  }

  /// The key of the engagements listing made for the engagement tags `tags` (sorted by name): what each was sent is fixed by its tag, whatever the tip.
  static func engagementsKey(tags: [(name: String, target: ObjectID)]) -> String {
    "biostore-engagements 1 \(fingerprint(of: tags))"
  }

  /// FNV-1a over the tags' names and targets: a short, stable fingerprint.
  private static func fingerprint(of tags: [(name: String, target: ObjectID)]) -> String {
    var fingerprint: UInt64 = 0xcbf2_9ce4_8422_2325
    for (name, target) in tags {
      for byte in (name + target.hex).utf8 {
        fingerprint = (fingerprint ^ UInt64(byte)) &* 0x100_0000_01b3
      }
    }
    return String(fingerprint, radix: 16)
  }

  /// The name the engagements listing is kept under, which no variant can have (`_` is not allowed in one).
  static let engagementsName = "_engagements"

  /// The cached listing of `variant` if it was made for `key` and matches its seal.
  func listing(of variant: VariantName, key: String) -> String? {
    listing(named: variant.rawValue, key: key)
  }

  /// The cached listing kept as `variant` (a variant's name, or `engagementsName`) if it was made for `key` and matches its seal.
  func listing(named variant: String, key: String) -> String? {
    guard let listing = SealedFile.read(path(of: variant), header: "\(key) \(variant) ") else {
      return nil
    }
    // biostore escapes every control character in a listing, so one here was written by someone
    // else: made again rather than passed to the terminal.
    guard !listing.contains(where: { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }) else { return nil }
    return String(decoding: listing, as: UTF8.self)
  }

  /// Keeps `listing` of `variant` for `key`; a cache that cannot be written is only slower.
  func keep(_ listing: String, of variant: VariantName, key: String) {
    keep(listing, named: variant.rawValue, key: key)
  }

  /// Keeps `listing` as `variant` (a variant's name, or `engagementsName`) for `key`.
  func keep(_ listing: String, named variant: String, key: String) {
    SealedFile.write(
      Array(listing.utf8), to: path(of: variant), header: "\(key) \(variant) ",
      scratchDirectory: directory)
  }

  private func path(of variant: String) -> String {
    directory + "/" + variant + ".listing"
  }
}

import Foundation
import Git

/// The text of `history VARIANT` kept in the index folder, valid for the branch tip and engagement tags it was made for.
///
/// The first line of each `<variant>.listing` file is its key; the rest is the listing. The key
/// names everything the listing depends on: the tip fixes the versions, their counts and the
/// removals and renames; the engagement tags' targets (tag objects, which change whenever a tag's
/// message does) fix who was sent what. A file whose key does not match is simply made again.
/// The key starts with a format number: raise it whenever `history`'s text changes, or old
/// listings would still be printed.
struct HistoryListingCache {
  /// The index folder that holds the files.
  let directory: String

  /// The key of a listing made at `tip` with the engagement tags `tags` (sorted by name).
  static func key(tip: ObjectID, tags: [(name: String, target: ObjectID)]) -> String {
    // FNV-1a over the tags' names and targets: a short, stable fingerprint.
    var fingerprint: UInt64 = 0xcbf2_9ce4_8422_2325
    for (name, target) in tags {
      for byte in (name + target.hex).utf8 {
        fingerprint = (fingerprint ^ UInt64(byte)) &* 0x100_0000_01b3
      }
    }
    return "biostore-listing 1 \(tip.hex) \(String(fingerprint, radix: 16))\n"
  }

  /// The cached listing of `variant` if it was made for `key`.
  func listing(of variant: VariantName, key: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path(of: variant)) else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    return text.hasPrefix(key) ? String(text.dropFirst(key.count)) : nil
  }

  /// Keeps `listing` of `variant` for `key`; a cache that cannot be written is only slower.
  func keep(_ listing: String, of variant: VariantName, key: String) {
    try? AtomicFile.write(
      Array((key + listing).utf8), to: path(of: variant), scratchDirectory: directory)
  }

  private func path(of variant: VariantName) -> String {
    directory + "/" + variant.rawValue + ".listing"
  }
}

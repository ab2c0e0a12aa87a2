import Git

/// The text of each variant's latest version kept in the index folder, valid for the branch tip it was read at, so a plain `show VARIANT` reads one file and starts no libgit2.
///
/// Each `<variant>.latest` file starts with a line naming its format, the tip, the variant (so a
/// file copied to another variant's name is not believed) and the seal (length and checksum) of
/// the rest: the text's bytes exactly, as `show` prints them. A file cut short, padded or changed
/// does not match its seal and is read again from git; deleting one costs only time.
struct LatestTextCache {
  /// The index folder that holds the files.
  let directory: String

  /// The kept text of `variant` if it was read at `tip` and matches its seal.
  func text(of variant: VariantName, tip: ObjectID) -> [UInt8]? {
    // A bio is at most `VersionText.maximumBytes`; anything larger here is not one of these files.
    SealedFile.read(
      path(of: variant), header: LatestTextCache.header(tip: tip, variant: variant),
      limit: VersionText.maximumBytes + 200
    ).map(Array.init)
  }

  /// Keeps `text` as `variant`'s latest at `tip`; a cache that cannot be written is only slower.
  func keep(_ text: [UInt8], of variant: VariantName, tip: ObjectID) {
    SealedFile.write(
      text, to: path(of: variant), header: LatestTextCache.header(tip: tip, variant: variant),
      scratchDirectory: directory)
  }

  private static func header(tip: ObjectID, variant: VariantName) -> String {
    "biostore-latest 1 \(tip.hex) \(variant) "
  }

  private func path(of variant: VariantName) -> String {
    directory + "/" + variant.rawValue + ".latest"
  }
}

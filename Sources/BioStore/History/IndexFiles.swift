import Foundation
import Git

/// The history index's files under `.git/biostore/index/`: how the state and each variant's lines are kept on disk, and proved.
///
/// A cache, never the truth: deleting it costs only speed, and a damaged one is rebuilt. `state`
/// records the branch, its tip and the tip's depth (first-parent steps from the root), and the
/// length and checksum (a `ContentSeal`) of each `<variant>.tsv`, which lists the variant's
/// versions and removals oldest first, one tab-separated line each with its commit's depth; its
/// last line seals `state` itself. A file is believed only when its first `length` bytes are the
/// ones sealed: a longer file is an update that added lines and died before writing `state`, and
/// is read as its sealed part; anything else is damage, and the index is rebuilt. A rebuild removes
/// `state` first, and `state` is written last, replaced atomically.
struct IndexFiles {
  /// What the index is valid for.
  struct State: Equatable {
    /// The branch it describes.
    var branch: String
    /// The branch tip it was built for.
    var tip: ObjectID
    /// The tip's depth.
    var depth: Int
    /// The seal of each variant file valid for the tip; a variant without one has no lines.
    var files: [VariantName: ContentSeal] = [:]
  }

  /// The index's folder.
  let directory: String

  /// The recorded state, or nil when there is none or it does not prove itself.
  func state() -> State? {
    guard let bytes = try? UnfollowedFile.read(directory + "/state") else { return nil }
    // The last line seals every byte before it, so a state cut short or edited is no state.
    guard bytes.last == UInt8(ascii: "\n"),
      let sealStart = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }),
      bytes[sealStart...].starts(with: "seal ".utf8),
      let seal = ContentSeal(
        text: Substring(decoding: bytes[(sealStart + 5)..<(bytes.count - 1)], as: UTF8.self)),
      seal.length == sealStart, ContentSeal(of: bytes[..<sealStart]) == seal
    else { return nil }
    let lines = String(decoding: bytes[..<sealStart], as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    guard lines.count >= 4, lines[0] == IndexFiles.format,
      let tip = ObjectID(hex: String(lines[2])),
      let depth = Int(lines[3])
    else { return nil }
    var state = State(branch: String(lines[1]), tip: tip, depth: depth)
    for line in lines.dropFirst(4) {
      let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3, fields[0] == "file",
        let variant = try? VariantName(String(fields[1])),
        let seal = ContentSeal(text: fields[2]), state.files[variant] == nil
      else { return nil }
      state.files[variant] = seal
    }
    return state
  }

  /// The first line of `state`: raise the number whenever the files' form or meaning changes, so an older index is rebuilt rather than misread.
  static let format = "biostore-index 3"

  /// Records `state`, the last step of any update.
  func write(_ state: State) throws(StoreError) {
    var text = "\(IndexFiles.format)\n\(state.branch)\n\(state.tip.hex)\n\(state.depth)\n"
    for (variant, seal) in state.files.sorted(by: { $0.key < $1.key }) {
      text += "file \(variant) \(seal.text)\n"
    }
    let bytes = Array(text.utf8)
    try replace("state", with: bytes + Array("seal \(ContentSeal(of: bytes).text)\n".utf8))
  }

  /// Forgets the state, the first step of a rebuild.
  func removeState() {
    unlink(directory + "/state")
  }

  /// The bytes of the file of `variant` that `state` seals: empty when it seals none, nil when the file does not match.
  func sealedBytes(of variant: VariantName, in state: State) -> ArraySlice<UInt8>? {
    guard let seal = state.files[variant] else { return [] }
    guard let bytes = try? UnfollowedFile.read(path(of: variant)) else { return nil }
    return seal.sealedPart(of: bytes)
  }

  /// The entries of `variant` that `state` vouches for, oldest first; nil when its file is damaged.
  func entries(of variant: VariantName, in state: State) -> [IndexEntry]? {
    guard let bytes = sealedBytes(of: variant, in: state) else { return nil }
    return IndexEntry.entries(parsing: bytes, upTo: state.depth)
  }

  /// The newest version entry of `variant` whose date `admits` (the latest, when nil), then up to `stepsBack` versions before it, newest first, from the file `state` seals; nil when the file has to be read whole instead (a rename into the variant on the way, a removal since the latest version, a damaged file or line) or no version is admitted.
  ///
  /// The whole file is checked against its seal (a millisecond for 3 MB); then lines are read from
  /// its end, parsing only their kind, date and depth until the answer is found, so
  /// `VARIANT@DATE` costs the versions after DATE, not the whole history.
  func newestVersions(
    of variant: VariantName, in state: State, stepsBack: Int, admits: ((Timestamp) -> Bool)?
  ) -> [IndexEntry]? {
    guard state.files[variant] != nil, let bytes = sealedBytes(of: variant, in: state) else {
      return nil
    }
    return IndexEntry.newestVersions(
      parsing: bytes, upTo: state.depth, stepsBack: stepsBack, admits: admits)
  }

  /// Replaces the file of `variant` with `entries`, and returns its seal for the next state.
  func write(_ entries: [IndexEntry], of variant: VariantName) throws(StoreError) -> ContentSeal {
    let bytes = Array(entries.map(IndexEntry.line).joined().utf8)
    try replace(variant.rawValue + ".tsv", with: bytes)
    return ContentSeal(of: bytes)
  }

  /// Adds `entries` after `sealed`, the part of the file of `variant` its state seals as read under the index lock, and returns the new seal.
  ///
  /// Bytes beyond the sealed part (an update that died before writing `state`) are cut off first.
  /// Until the new state is written, readers read the old sealed part, which is unchanged.
  func append(_ entries: [IndexEntry], to variant: VariantName, after sealed: ArraySlice<UInt8>)
    throws(StoreError) -> ContentSeal
  {
    let added = Array(entries.map(IndexEntry.line).joined().utf8)
    // O_NOFOLLOW: a link planted since the read is refused, never written through.
    let descriptor = open(path(of: variant), O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .storage("cannot add to \(path(of: variant)) (\(String(cString: strerror(errno))))")
    }
    defer { close(descriptor) }
    let written = added.withUnsafeBytes { buffer in
      ftruncate(descriptor, off_t(sealed.count)) == 0
        && pwrite(descriptor, buffer.baseAddress, buffer.count, off_t(sealed.count)) == buffer.count
    }
    guard written else {
      throw .storage("cannot add to \(path(of: variant)) (\(String(cString: strerror(errno))))")
    }
    return ContentSeal(of: Array(sealed) + added)
  }

  /// Removes the state and every variant file, for a rebuild.
  func clear() {
    removeState()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    for name in names where name.hasSuffix(".tsv") { unlink(directory + "/" + name) }
  }

  private func path(of variant: VariantName) -> String {
    directory + "/" + variant.rawValue + ".tsv"
  }

  private func replace(_ name: String, with bytes: [UInt8]) throws(StoreError) {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw .storage("cannot create \(directory) (\(error.localizedDescription))")
    }
    try AtomicFile.write(bytes, to: directory + "/" + name, scratchDirectory: directory)
  }
}

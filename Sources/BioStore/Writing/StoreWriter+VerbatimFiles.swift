import Foundation

extension StoreWriter {
  /// The line in `.git/info/attributes` that switches off git's line-end and content filters for variant files.
  ///
  /// A version is bytes: with `core.autocrlf`, `eol`, `text`, `ident` or a `filter` in effect, git
  /// would convert the file between the index and the work tree, so a text saved verbatim would look
  /// modified to `git status` (and `core.safecrlf` would refuse to stage it). `.git/info/attributes`
  /// outranks every `.gitattributes` and `core.attributesFile`, lives outside the tree, and is read by
  /// stock git and libgit2 alike.
  static let verbatimAttributes = "/*.md -text -eol -ident -filter -working-tree-encoding"

  /// Makes `verbatimAttributes` the last rule in `.git/info/attributes`, keeping every other line there byte for byte.
  ///
  /// Last, because in one attributes file a later line that matches a file overrides an earlier
  /// one: a `*.md text` a person or tool appended after biostore's line would turn filters back on.
  ///
  /// A write refuses when the file is a link or not a regular file (or over 16 MiB): biostore would
  /// have to write through it or leave its rule out, and then stock git would see a dirty store.
  func keepVariantFilesVerbatim() throws(StoreError) {
    let folder = repository.gitDirectory + "info"
    let file = folder + "/attributes"
    let existing: [UInt8]
    do {
      existing = try UnfollowedFile.read(file, limit: 16 << 20) ?? []
    } catch {
      throw StoreError(reading: file, error, limit: "16 MiB")
    }
    let comment = Array(StoreWriter.verbatimComment.utf8)
    let rule = Array(StoreWriter.verbatimAttributes.utf8)
    var lines = existing.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    let isBlankOrComment = { (line: ArraySlice<UInt8>) in
      line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0d } || line.first == UInt8(ascii: "#")
    }
    if let last = lines.lastIndex(where: { !isBlankOrComment($0) }), lines[last].elementsEqual(rule)
    {
      return
    }
    lines.removeAll { $0.elementsEqual(rule) || $0.elementsEqual(comment) }
    let kept = lines.flatMap { Array($0) + [UInt8(ascii: "\n")] }
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try? AtomicFile.write(
      kept + comment + [UInt8(ascii: "\n")] + rule + [UInt8(ascii: "\n")], to: file,
      scratchDirectory: privateDirectory)
  }

  /// The comment line written above `verbatimAttributes`.
  static let verbatimComment =
    "# biostore: variant files are stored byte for byte, with no line-end or content filters"
}

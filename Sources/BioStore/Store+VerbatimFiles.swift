import Foundation

extension Store {
  /// The line in `.git/info/attributes` that switches off git's line-end and content filters for variant files.
  ///
  /// A version is bytes: with `core.autocrlf`, `eol`, `text`, `ident` or a `filter` in effect, git
  /// would convert the file between the index and the work tree, so a text saved verbatim would look
  /// modified to `git status` (and `core.safecrlf` would refuse to stage it). `.git/info/attributes`
  /// outranks every `.gitattributes` and `core.attributesFile`, lives outside the tree, and is read by
  /// stock git and libgit2 alike.
  static let verbatimAttributes = "/*.md -text -eol -ident -filter -working-tree-encoding"

  /// Adds `verbatimAttributes` to `.git/info/attributes` when it is missing, keeping every line already there.
  func keepVariantFilesVerbatim() {
    let folder = repository.gitDirectory + "info"
    let file = folder + "/attributes"
    guard UnfollowedFile.isFolderOrAbsent(folder),
      let existing = try? UnfollowedFile.read(file, limit: 1 << 20) ?? []
    else { return }
    let text = String(decoding: existing, as: UTF8.self)
    guard !text.split(separator: "\n").contains(where: { $0 == Store.verbatimAttributes }) else {
      return
    }
    let separator = text.isEmpty || text.hasSuffix("\n") ? "" : "\n"
    let addition =
      "# biostore: variant files are stored byte for byte, with no line-end or content filters\n"
      + Store.verbatimAttributes + "\n"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try? AtomicFile.write(
      Array((text + separator + addition).utf8), to: file, scratchDirectory: privateDirectory)
  }
}

import Foundation

/// A repository's `HEAD` and references read straight from the files in its `.git` folder, without libgit2, for a read that only needs to know that nothing moved.
///
/// Every answer is nil when anything is unusual: a `.git` file instead of a folder, a worktree
/// or reftable repository, a bare one, a detached `HEAD`, a symbolic reference where a direct one
/// belongs, a loose file that is not exactly an id, a `packed-refs` file that is not exactly what
/// git writes. A caller then asks libgit2, which knows every case; this reader only has to be right
/// about the common one, and must never answer where libgit2 would answer differently.
public struct ReferenceFiles: Sendable {
  /// The `.git` folder, with a trailing slash.
  public let gitDirectory: String
  /// The lines of `packed-refs`, or nil when that file cannot be read.
  private let packed: PackedLines?

  /// Reads the repository whose work tree is `workTree`, or nil when its `.git` is not a plain folder of an ordinary repository.
  public init?(workTree: String) {
    gitDirectory = workTree + "/.git/"
    var status = stat()
    guard stat(gitDirectory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
      access(gitDirectory + "commondir", F_OK) != 0, access(gitDirectory + "reftable", F_OK) != 0,
      let config = ReferenceFiles.bytes(atPath: gitDirectory + "config")
    else { return nil }
    // Settings that change where the work tree or the references are.
    for line in config.split(separator: UInt8(ascii: "\n")) {
      let setting = String(decoding: line, as: UTF8.self).lowercased().filter {
        $0 != " " && $0 != "\t"
      }
      if setting == "bare=true" || setting.hasPrefix("worktree=")
        || setting.hasPrefix("refstorage=")
      {
        return nil
      }
    }
    packed = ReferenceFiles.packedReferences(in: gitDirectory + "packed-refs")
  }

  /// The branch `HEAD` names, such as `refs/heads/main`; nil when `HEAD` is detached or unreadable.
  public func headBranch() -> String? {
    guard let head = text(of: "HEAD"), head.hasPrefix("ref: refs/heads/"), !head.contains("..")
    else { return nil }
    return String(head.dropFirst("ref: ".count))
  }

  /// The commit or tag `name` points at, loose file first, then `packed-refs`; nil when there is none or it is not a plain id.
  public func target(of name: String) -> ObjectID? {
    // Only a loose file that does not exist falls through to `packed-refs`, as in libgit2: an
    // empty or partial one is an error there, not a reason to read the packed line.
    switch looseFile(name) {
    case .absent: break
    case .text(let text): return ObjectID(hex: text)
    case .unreadable: return nil
    }
    // Names compared as bytes: Strings equate canonically equivalent names that git keeps apart.
    guard let packed else { return nil }
    return packed.lines.first { packed.data[$0.name].elementsEqual(name.utf8) }.map(packed.target)
  }

  /// The references whose names start with `prefix` and their targets, sorted by name; nil when one of them cannot be read.
  public func targets(under prefix: String) -> [(name: String, target: ObjectID)]? {
    guard let packed else { return nil }
    var targets: [String: ObjectID] = [:]
    for line in packed.lines where packed.data[line.name].starts(with: prefix.utf8) {
      targets[String(decoding: packed.data[line.name], as: UTF8.self)] = packed.target(line)
    }
    // A loose file wins over its packed line; git ignores `.lock` files, which are writes in flight.
    let folder = gitDirectory + prefix
    var loose: [String] = []
    if access(folder, F_OK) == 0 {
      guard let paths = FileManager.default.subpaths(atPath: folder) else { return nil }
      loose = paths
    }
    for path in loose where !path.hasSuffix(".lock") {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder + path, isDirectory: &isDirectory) else {
        return nil
      }
      if isDirectory.boolValue { continue }
      guard let text = text(of: prefix + path), let target = ObjectID(hex: text) else { return nil }
      targets[prefix + path] = target
    }
    return targets.map { (name: $0.key, target: $0.value) }.sorted { $0.name < $1.name }
  }

  /// Every line of the `packed-refs` file at `path` as a name and target (peeled `^` lines left out); empty when there is no such file, nil when the file is not exactly as git writes it.
  ///
  /// libgit2 1.5 reads a file with the `sorted` trait by binary search and any other into a table
  /// where the last line for a name wins; git takes the last line too. Where those could differ
  /// from one scan (a name on two lines, lines out of order) or where libgit2 refuses the file
  /// (a blank line, a comment after the first line, no final line break) there is no answer; so
  /// are `\r` (libgit2 drops it, git keeps it) and a `^` line not after a reference.
  private static func packedReferences(in path: String) -> PackedLines? {
    guard let data = bytes(atPath: path) else {
      return access(path, F_OK) == 0 ? nil : PackedLines(data: [], lines: [])
    }
    guard data.isEmpty || data.last == UInt8(ascii: "\n") else { return nil }
    // Bytes and ranges, never a String per line: a store with thousands of tags has a
    // packed-refs file of hundreds of KB, read on every quick path.
    let idLength = 40
    var lines: [(name: Range<Int>, target: Range<Int>)] = []
    var previous: Range<Int>?
    var mayBePeeled = false
    var start = 0
    var number = 0
    while start < data.count {
      let end = data[start...].firstIndex(of: UInt8(ascii: "\n"))!
      defer {
        start = end + 1
        number += 1
      }
      let line = data[start..<end]
      guard let first = line.first, !line.contains(UInt8(ascii: "\r")) else { return nil }
      if first == UInt8(ascii: "#") {
        guard number == 0, line.starts(with: "# pack-refs with:".utf8) else { return nil }
        continue
      }
      if first == UInt8(ascii: "^") {
        guard mayBePeeled, line.count == idLength + 1, line.dropFirst().allSatisfy(\.isHexDigit)
        else { return nil }
        mayBePeeled = false
        continue
      }
      guard line.count > idLength + 1, data[start + idLength] == UInt8(ascii: " "),
        data[start..<(start + idLength)].allSatisfy(\.isHexDigit)
      else { return nil }
      let name = (start + idLength + 1)..<end
      // Strictly increasing bytes: no name twice, and binary search and a scan agree.
      if let previous, !data[previous].lexicographicallyPrecedes(data[name]) { return nil }
      previous = name
      mayBePeeled = true
      lines.append((name, start..<(start + idLength)))
    }
    return PackedLines(data: data, lines: lines)
  }

  /// What a loose reference file holds.
  private enum LooseFile {
    /// There is no such file: the packed line, if any, is the reference.
    case absent
    /// The file's contents without one final line break.
    case text(String)
    /// Anything else: a folder, a file that cannot be read.
    case unreadable
  }

  /// The loose file for `name`.
  private func looseFile(_ name: String) -> LooseFile {
    let path = gitDirectory + name
    if let text = text(of: name) { return .text(text) }
    var status = stat()
    return lstat(path, &status) != 0 && errno == ENOENT ? .absent : .unreadable
  }

  /// The contents of the file `name` under the `.git` folder without its line break, or nil when it cannot be read.
  private func text(of name: String) -> String? {
    guard var bytes = ReferenceFiles.bytes(atPath: gitDirectory + name) else { return nil }
    if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The whole of the regular file at `path`, or nil when it cannot be read; plain system calls, as these files are small and read on every quick path.
  private static func bytes(atPath path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
    var filled = 0
    while filled < bytes.count {
      let count = bytes.withUnsafeMutableBytes {
        read(descriptor, $0.baseAddress! + filled, $0.count - filled)
      }
      guard count > 0 else { return nil }
      filled += count
    }
    return bytes
  }
}

/// The reference lines of a `packed-refs` file, as ranges of its bytes: a target is made an `ObjectID` only when it is asked for.
private struct PackedLines: Sendable {
  /// The file's bytes.
  let data: [UInt8]
  /// Each reference line's name and target, in file order (strictly increasing names).
  let lines: [(name: Range<Int>, target: Range<Int>)]

  /// The target of `line`, whose 40 hex digits were checked when the file was read.
  func target(_ line: (name: Range<Int>, target: Range<Int>)) -> ObjectID {
    ObjectID(hex: String(decoding: data[line.target], as: UTF8.self))!
  }
}

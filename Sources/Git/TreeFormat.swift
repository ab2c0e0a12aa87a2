/// How git writes a tree object: one entry per name, in git's order, as `MODE NAME\0ID`.
enum TreeFormat {
  /// One entry of a tree, its name as raw bytes.
  struct Entry {
    /// The name, one path part.
    let name: [UInt8]
    /// The git file mode (`0o100644`, `0o100755`, `0o120000`, `0o40000` or `0o160000`).
    let mode: UInt32
    /// The object it names.
    let id: ObjectID
  }

  /// Whether `name` can be one entry's name: not empty, `.` or `..`, and without `/` or NUL.
  static func isValidName(_ name: [UInt8]) -> Bool {
    !name.isEmpty && name != [0x2E] && name != [0x2E, 0x2E] && !name.contains(0x2F)
      && !name.contains(0)
  }

  /// The bytes of a tree holding `entries`, sorted as git sorts them.
  static func bytes(of entries: [Entry]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(entries.count * 48)
    for entry in entries.sorted(by: precedes) {
      bytes += Array(String(entry.mode, radix: 8).utf8)
      bytes.append(0x20)
      bytes += entry.name
      bytes.append(0)
      bytes += entry.id.raw
    }
    return bytes
  }

  /// git's order: names compared as bytes, a tree's name as if it ended in `/` (so `a.md` comes before the folder `a`, whose entries are `a/…`).
  static func precedes(_ a: Entry, _ b: Entry) -> Bool {
    let shared = min(a.name.count, b.name.count)
    for index in 0..<shared where a.name[index] != b.name[index] {
      return a.name[index] < b.name[index]
    }
    return next(after: shared, in: a) < next(after: shared, in: b)
  }

  /// The byte that follows the first `count` bytes of the entry's name, with a tree's name ending in `/`.
  private static func next(after count: Int, in entry: Entry) -> UInt8 {
    if count < entry.name.count { return entry.name[count] }
    return entry.mode & 0o170000 == 0o40000 ? 0x2F : 0
  }
}

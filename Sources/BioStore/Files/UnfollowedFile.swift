import Foundation

/// Reads a file inside the store without ever following a symbolic link, and only if it is a regular file of bounded size.
///
/// Variant files and biostore's own files under `.git/biostore` are read this way, so a link planted
/// in the store (to `/etc/passwd`, to a folder) is refused rather than read into a version or a cache.
enum UnfollowedFile {
  /// Why a file could not be read.
  enum Problem: Error, Equatable {
    /// The path is a symbolic link.
    case symbolicLink
    /// The path is a folder, a FIFO, a device or a socket.
    case notRegular
    /// The file is larger than the limit.
    case tooLarge(Int)
    /// The system refused (its `strerror`).
    case failed(String)
  }

  /// The file's bytes, or nil when nothing is at `path`.
  static func read(_ path: String, limit: Int = Int.max) throws(Problem) -> [UInt8]? {
    var status = stat()
    guard lstat(path, &status) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { return nil }
      throw .failed(String(cString: strerror(errno)))
    }
    try check(status)
    // O_NOFOLLOW closes the window between lstat and open; O_NONBLOCK keeps a FIFO swapped in from hanging.
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      if errno == ENOENT { return nil }
      throw errno == ELOOP ? .symbolicLink : .failed(String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    guard fstat(descriptor, &status) == 0 else { throw .failed(String(cString: strerror(errno))) }
    try check(status)
    guard Int(status.st_size) <= limit else { throw .tooLarge(Int(status.st_size)) }
    return try readAll(from: descriptor, limit: limit, expecting: Int(status.st_size))
  }

  /// Appends `bytes` to the regular file at `path` (creating it) in one `write` where the system allows, never through a link: for append-only caches, whose readers check what they read.
  static func append(_ bytes: [UInt8], to path: String) throws(Problem) {
    // O_NONBLOCK: opening a FIFO planted here for writing would otherwise wait for a reader forever.
    let descriptor = open(
      path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o644)
    guard descriptor >= 0 else {
      throw errno == ELOOP ? .symbolicLink : .failed(String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw .failed(String(cString: strerror(errno))) }
    try check(status)
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written)
      }
      guard count > 0 else {
        if count < 0 && errno == EINTR { continue }
        throw .failed(String(cString: strerror(errno)))
      }
      written += count
    }
  }

  /// Everything `descriptor` yields, in 64 KiB reads, throwing `.tooLarge` as soon as it passes `limit`.
  static func readAll(from descriptor: Int32, limit: Int, expecting size: Int = 0) throws(Problem)
    -> [UInt8]
  {
    var bytes: [UInt8] = []
    // A file's size from fstat is read in one go straight into the array; more is still read after.
    if size > 0 {
      var failure: Int32 = 0
      bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
        while initialized < size {
          let count = Foundation.read(
            descriptor, buffer.baseAddress! + initialized, size - initialized)
          if count > 0 {
            initialized += count
          } else if count == 0 {
            break
          } else if errno != EINTR {
            failure = errno
            break
          }
        }
      }
      if failure != 0 { throw .failed(String(cString: strerror(failure))) }
      if bytes.count < size { return bytes }
    }
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes {
        Foundation.read(descriptor, $0.baseAddress, $0.count)
      }
      if count == 0 { break }
      guard count > 0 else {
        if errno == EINTR { continue }
        throw .failed(String(cString: strerror(errno)))
      }
      bytes += chunk[..<count]
      // The file may have grown since fstat, or be a device with no size; never read past the limit.
      guard bytes.count <= limit else { throw .tooLarge(bytes.count) }
    }
    return bytes
  }

  /// Whether `path` is a real folder (not a link to one), or absent.
  static func isFolderOrAbsent(_ path: String) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0 else { return errno == ENOENT }
    return status.st_mode & S_IFMT == S_IFDIR
  }

  /// Why a file in a folder biostore reads could not be read, as the end of a sentence about it.
  static func reason(_ problem: Problem) -> String {
    switch problem {
    case .symbolicLink: "it is a symbolic link, and biostore does not follow links"
    case .notRegular: "it is not a regular file"
    case .tooLarge(let size): "it is \(size) bytes or more, over the limit"
    case .failed(let reason): reason
    }
  }

  private static func check(_ status: stat) throws(Problem) {
    switch status.st_mode & S_IFMT {
    case S_IFREG: return
    case S_IFLNK: throw .symbolicLink
    default: throw .notRegular
    }
  }
}

import Foundation

/// Writes a file so a reader or a crash sees the old bytes or the new, never a mixture.
enum AtomicFile {
  /// Writes `bytes` to a temporary file in `scratchDirectory`, flushes it to disk, and renames it over `path`; with `replacing` false, refuses with `outputExists` when `path` exists, even if it appeared meanwhile.
  ///
  /// The scratch file lives under `.git/biostore` so a crash never leaves a stray file in the work tree.
  static func write(
    _ bytes: [UInt8], to path: String, scratchDirectory: String, replacing: Bool = true
  ) throws(StoreError) {
    let scratch = scratchDirectory + "/.write-\(getpid()).biostore.tmp"
    // A scratch file left by a dead writer of the same pid, or a link planted there, is never written through.
    unlink(scratch)
    let descriptor = open(scratch, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw failure(path) }
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written)
      }
      guard result > 0 else {
        let error = failure(path)
        close(descriptor)
        unlink(scratch)
        throw error
      }
      written += result
    }
    guard fsync(descriptor) == 0, close(descriptor) == 0 else {
      let error = failure(path)
      unlink(scratch)
      throw error
    }
    defer { unlink(scratch) }
    // A hard link is made only where no file is, so a file that appeared since the check is kept.
    if !replacing {
      guard link(scratch, path) != 0 else { return }
      if errno == EEXIST { throw .outputExists(path) }
      guard errno == EPERM || errno == ENOTSUP || errno == EXDEV, access(path, F_OK) != 0 else {
        throw failure(path)
      }
    }
    guard rename(scratch, path) == 0 else { throw failure(path) }
  }

  private static func failure(_ path: String) -> StoreError {
    .storage("cannot write \(path) (\(String(cString: strerror(errno))))")
  }
}

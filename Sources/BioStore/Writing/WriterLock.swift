import Foundation

/// biostore's writer lock: an exclusive `flock` on `.git/biostore/lock`, which the kernel releases when the holder dies.
///
/// Because the lock dies with its process, a crashed writer never leaves a lock to clear by hand; what it
/// was doing is read from the write journal instead. (`flock` does not reach across NFS: keep stores local.)
final class WriterLock {
  private let descriptor: Int32

  /// How long a writer waits for another by default; `BIOSTORE_LOCK_TIMEOUT` (seconds) overrides it.
  static let defaultTimeout: Double = 10

  /// Waits up to `timeout` seconds for the lock file `name` in `directory`, creating the directory and file if needed.
  init(in directory: String, name: String = "lock", timeout: Double) throws(StoreError) {
    guard UnfollowedFile.isFolderOrAbsent(directory) else {
      var status = stat()
      throw .notAFolder(
        path: directory, link: lstat(directory, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
    }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw .storage(
        "cannot write to the store (\(directory): \(error.localizedDescription)); check its permissions and free space"
      )
    }
    let path = directory + "/" + name
    descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .storage(
        "cannot open \(path) (\(String(cString: strerror(errno)))); check the store's permissions")
    }
    let deadline = Date().addingTimeInterval(timeout)
    var pause: useconds_t = 2_000
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR else {
        close(descriptor)
        throw .storage("cannot lock \(path) (\(String(cString: strerror(errno))))")
      }
      guard Date() < deadline else {
        close(descriptor)
        throw .lockTimeout(seconds: timeout)
      }
      usleep(pause)
      pause = min(pause * 2, 50_000)
    }
    // The holder's pid is written only to help a person who looks; the flock is the lock.
    let pid = Array("\(getpid())\n".utf8)
    _ = ftruncate(descriptor, 0)
    _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}

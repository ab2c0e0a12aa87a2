import Foundation

/// Reads a file a person named on the command line (`--file`, `import FILE`, an editor's file), checking its size before reading and never holding more than the limit.
///
/// Unlike `UnfollowedFile`, which guards the store's own files, a named file may be a link (a
/// dotfile manager's `~/bio.md`) or a pipe (`--file <(pbpaste)`): the person chose it. A folder is
/// refused; a regular file over the limit is refused from its size alone, and anything else (a
/// pipe, `/dev/zero`) is read only up to one byte past the limit, so a 5 GiB file or an endless
/// device costs at most the limit in memory.
public enum InputFile {
  /// The bytes of the file at `path`, or `StoreError.unreadableFile` / `.badText` saying why not.
  public static func read(_ path: String, limit: Int = VersionText.maximumBytes) throws(StoreError)
    -> [UInt8]
  {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let reason =
        switch errno {
        case ENOENT, ENOTDIR: "no such file"
        case EACCES: "permission denied"
        case ELOOP: "its symbolic links loop"
        default: String(cString: strerror(errno))
        }
      throw .unreadableFile(path: path, reason: reason)
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      throw .unreadableFile(path: path, reason: "it is a directory; name a file")
    }
    if status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > limit {
      throw tooLarge(path, size: "\(status.st_size) bytes", limit: limit)
    }
    do {
      return try UnfollowedFile.readAll(from: descriptor, limit: limit)
    } catch .tooLarge {
      throw tooLarge(path, size: "more than \(limit) bytes", limit: limit)
    } catch {
      throw .unreadableFile(path: path, reason: UnfollowedFile.reason(error))
    }
  }

  private static func tooLarge(_ path: String, size: String, limit: Int) -> StoreError {
    .badText(
      reason:
        "\(path) is \(size), over the limit of \(limit) bytes (\(limit / 1_048_576) MiB) for one text"
    )
  }
}

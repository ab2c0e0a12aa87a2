import Foundation
import Git

/// A bio store: a non-bare git repository whose root holds one `<variant>.md` file per variant.
public final class Store {
  /// The store's work tree, without a trailing slash.
  public let path: String
  let repository: Repository
  /// The branch biostore reads and writes: the one `HEAD` names, `refs/heads/main` for a new store.
  let branch: String
  /// What `HEAD` names when that is not a local branch holding a commit id (a tag, a remote branch, a symbolic reference), so writes are refused.
  let headNotABranch: String?
  /// The branch's first-parent line, through which every read goes.
  let mainLine: MainLine
  /// The history index, which answers every question about versions.
  let index: HistoryIndex
  /// The one reader of engagement tags.
  let engagementReader: EngagementReader
  /// What the environment said about writing when the store was opened.
  let settings: WriterSettings
  /// Receives each `biostore: warning:` the store has for the person, such as a recorded write it could not finish.
  public var onWarning: (String) -> Void = { _ in }

  /// Where biostore keeps its own files (lock, journal, caches): `.git/biostore`.
  var privateDirectory: String { repository.gitDirectory + "biostore" }

  /// Opens the existing store at `path`, to write with `settings`; only `create(at:)` makes one.
  public init(
    openingAt path: String, settings: WriterSettings = .ofThisProcess
  ) throws(StoreError) {
    self.settings = settings
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .noStore(path: path)
    }
    guard isDirectory.boolValue else { throw .notAStore(path: path, reason: "it is a file") }
    let repository: Repository
    do {
      repository = try Repository(openingAt: path)
    } catch {
      throw .notAStore(path: path, reason: "not a git repository: \(error.message)")
    }
    guard let workDirectory = repository.workDirectory else {
      throw .notAStore(path: path, reason: "a bare repository has no work tree")
    }
    guard Store.isMarked(repository) else {
      throw .unmarkedRepository(
        path: path, hasHistory: (try? repository.referenceTarget("HEAD")) != nil)
    }
    self.repository = repository
    self.path = String(workDirectory.dropLast())
    do {
      let head = try repository.symbolicTarget(of: "HEAD")
      branch = head.flatMap { $0.hasPrefix("refs/heads/") ? $0 : nil } ?? "refs/heads/main"
      // A branch that is itself symbolic would be overwritten by a direct reference on the first save.
      let chained =
        head?.hasPrefix("refs/heads/") == true ? try repository.symbolicTarget(of: branch) : nil
      headNotABranch = head.flatMap { !$0.hasPrefix("refs/heads/") || chained != nil ? $0 : nil }
    } catch {
      throw .notAStore(path: path, reason: "its HEAD cannot be read: \(error.message)")
    }
    mainLine = MainLine(repository: repository, branch: branch, storePath: self.path)
    index = HistoryIndex(mainLine: mainLine, gitDirectory: repository.gitDirectory)
    engagementReader = EngagementReader(mainLine: mainLine, index: index)
    try checkOwnFolders()
  }

  /// The folders biostore keeps under `.git`, relative to it, parents first.
  static let ownFolders = [
    "biostore", "biostore/index", "biostore/exports", "biostore-unsaved", "info",
  ]

  /// Refuses a store where one of biostore's folders is a link or not a folder, so no write or cache read ever goes through a planted link.
  private func checkOwnFolders() throws(StoreError) {
    if let problem = Store.ownFolderProblem(in: repository.gitDirectory) { throw problem }
  }

  /// The first of biostore's folders under `gitDirectory` (ending in `/`) that is a link or not a folder, as the error to give.
  ///
  /// Each folder's parent is checked first, so `lstat` on a deeper one never passes a link either;
  /// files inside them are opened with `O_NOFOLLOW` (`UnfollowedFile`, `AtomicFile`).
  static func ownFolderProblem(in gitDirectory: String) -> StoreError? {
    for folder in ownFolders {
      let path = gitDirectory + folder
      var status = stat()
      guard lstat(path, &status) == 0 else { continue }
      let kind = status.st_mode & S_IFMT
      guard kind == S_IFDIR else { return .notAFolder(path: path, link: kind == S_IFLNK) }
    }
    return nil
  }

  /// The key in a repository's own config that `biostore init` sets, so that no other repository (a website, a project) is ever taken for a store.
  static let markKey = "biostore.store"

  /// Whether `repository` is a store: marked by `init`, or made by a biostore from before the mark, which always left its `.git/biostore` folder.
  static func isMarked(_ repository: Repository) -> Bool {
    if (try? repository.localConfigString(markKey)) == "true" { return true }
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(
      atPath: repository.gitDirectory + "biostore", isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// Creates an empty store at `path` on branch `main`, or marks the git repository already there as one when it has no commits or `adopting` is given.
  ///
  /// A repository with history that biostore did not make is refused without `adopting`: its
  /// branch would take version commits and every `.md` file in its root would count as a variant.
  public static func create(
    at path: String, adopting: Bool = false, settings: WriterSettings = .ofThisProcess
  ) throws(StoreError) -> Creation {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    var creation = Creation.created
    if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw .cannotCreate(path: path, reason: "it is a file") }
      if let repository = try? Repository(openingAt: path) {
        if isMarked(repository) { return .alreadyAStore }
        let hasHistory = (try? repository.referenceTarget("HEAD")) != nil
        guard !hasHistory || adopting else {
          throw .unmarkedRepository(path: path, hasHistory: true)
        }
        do {
          try repository.setLocalConfigString(markKey, to: "true")
        } catch {
          throw .cannotCreate(path: path, reason: "its config cannot be written (\(error.message))")
        }
        creation = hasHistory ? .adopted : .markedEmptyRepository
      } else {
        let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        guard contents.isEmpty else {
          throw .cannotCreate(
            path: path,
            reason:
              "the folder is not empty and not a git repository; choose an empty or new folder")
        }
      }
    }
    if creation == .created {
      do {
        let repository = try Repository.create(at: path, initialBranch: "main")
        try repository.setLocalConfigString(markKey, to: "true")
      } catch {
        throw .cannotCreate(path: path, reason: error.message)
      }
    }
    let store = try Store(openingAt: path, settings: settings)
    // Taking the lock once writes the attributes that keep git's filters off variant files.
    try? store.withWriterLock { _ in }
    return creation
  }

  /// What `create(at:)` did.
  public enum Creation: Sendable {
    /// Made a new repository, marked as a store.
    case created
    /// Found a store there already and changed nothing.
    case alreadyAStore
    /// Marked the git repository there, which had no commits, as a store.
    case markedEmptyRepository
    /// Marked the git repository there, history and all, as a store, as `--adopt` asked.
    case adopted
  }

  /// The store path to use: `--store`, else `$BIOSTORE_DIR`, else `~/.biostore`.
  public static func location(option: String?, environment: [String: String]) -> String {
    if let option, !option.isEmpty { return option }
    if let directory = environment["BIOSTORE_DIR"], !directory.isEmpty { return directory }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.biostore"
  }

  /// Passes `message` to `onWarning`.
  func warn(_ message: String) {
    onWarning(message)
  }

  /// The checked-out files.
  var workTree: WorkTree { WorkTree(path: path) }
}

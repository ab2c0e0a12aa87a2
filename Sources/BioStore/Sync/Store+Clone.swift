import Foundation
import Git

extension Store {
  /// Makes a new store at `path` holding everything at `url`: an empty store with remote `origin`, then a pull. A clone that fails leaves no folder behind.
  ///
  /// The destination must not exist or be an empty folder. The new store is marked, so every
  /// command opens it; its branch is `main`, as the remote's must be.
  public static func clone(from url: String, to path: String) throws(StoreError) -> (
    store: Store, outcome: PullOutcome
  ) {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    let existed = manager.fileExists(atPath: path, isDirectory: &isDirectory)
    if existed,
      !isDirectory.boolValue
        || !((try? manager.contentsOfDirectory(atPath: path))?.isEmpty ?? false)
    {
      throw .cannotCreate(
        path: path, reason: "it exists and is not an empty folder; give a new folder")
    }
    do throws(StoreError) {
      guard try create(at: path) == .created else {
        throw StoreError.cannotCreate(path: path, reason: "it is a store already")
      }
      let store = try Store(openingAt: path)
      try store.addRemote("origin", url: url)
      let outcome = try store.pull(from: "origin")
      if outcome.branch == .remoteEmpty {
        throw StoreError.remoteFailed(
          remote: url, action: "clone",
          reason: "it has no branch main (an empty repository, or one biostore did not make)")
      }
      return (store, outcome)
    } catch {
      // Only what this clone made is removed: a folder that existed (empty) is emptied again.
      if existed {
        for entry in (try? manager.contentsOfDirectory(atPath: path)) ?? [] {
          try? manager.removeItem(atPath: path + "/" + entry)
        }
      } else {
        try? manager.removeItem(atPath: path)
      }
      throw error
    }
  }
}

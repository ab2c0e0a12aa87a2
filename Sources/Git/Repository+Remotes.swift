internal import Clibgit2
import Foundation

/// How one reference fared in a push: moved, already there, or refused by the server with its reason.
public struct PushedReference: Sendable, Equatable {
  /// The reference on the remote.
  public let name: String
  /// The server's reason for refusing it, or nil when it is there now.
  public let refusal: String?
  /// Whether the push changed it on the server (false: the server had it already).
  public var moved = true

  /// A reference's outcome.
  public init(name: String, refusal: String?, moved: Bool = true) {
    self.name = name
    self.refusal = refusal
    self.moved = moved
  }
}

extension Repository {
  /// The names of the repository's remotes, sorted.
  ///
  /// Wraps `git_remote_list`.
  public func remoteNames() throws(GitError) -> [String] {
    var names = git_strarray()
    try check(git_remote_list(&names, pointer), "git_remote_list")
    defer { git_strarray_dispose(&names) }
    return (0..<names.count).compactMap { names.strings[$0].map { String(cString: $0) } }.sorted()
  }

  /// The URL of remote `name`, or nil when there is no such remote.
  ///
  /// Wraps `git_remote_lookup` and `git_remote_url`.
  public func remoteURL(_ name: String) throws(GitError) -> String? {
    var remote: OpaquePointer?
    do {
      try check(git_remote_lookup(&remote, pointer, name), "git_remote_lookup")
    } catch  where error.kind == .notFound {
      return nil
    }
    defer { git_remote_free(remote) }
    return git_remote_url(remote).map { String(cString: $0) }
  }

  /// Adds remote `name` at `url`, with no fetch refspec of its own: biostore names what it fetches each time.
  ///
  /// Wraps `git_remote_create_with_opts` with `GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC`.
  public func addRemote(_ name: String, url: String) throws(GitError) {
    var options = git_remote_create_options()
    try check(
      git_remote_create_options_init(&options, UInt32(GIT_REMOTE_CREATE_OPTIONS_VERSION)),
      "git_remote_create_options_init")
    options.flags = GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC.rawValue
    options.repository = pointer
    var remote: OpaquePointer?
    let result = name.withCString { name in
      options.name = name
      return git_remote_create_with_opts(&remote, url, &options)
    }
    try check(result, "git_remote_create_with_opts")
    git_remote_free(remote)
  }

  /// Removes remote `name` and its remote-tracking references.
  ///
  /// Wraps `git_remote_delete`.
  public func removeRemote(_ name: String) throws(GitError) {
    try check(git_remote_delete(pointer, name), "git_remote_delete")
  }

  /// Fetches `refspecs` (`+SRC:DST`, wildcards allowed) from `remote` (a remote's name or a URL), fetching no tag beyond them, and returns the names of every reference the remote has.
  ///
  /// Wraps `git_remote_fetch` and `git_remote_ls`; `credentials` answers the server's questions
  /// (see `Credentials`). Nothing is pruned: a destination whose source the remote no longer has
  /// stays, and the caller, which has the list, decides what its going means.
  @discardableResult
  public func fetch(
    from remote: String, refspecs: [String], credentials: Credentials
  ) throws(GitError) -> Set<String> {
    let handle = try remoteHandle(remote)
    defer { git_remote_free(handle) }
    var options = git_fetch_options()
    try check(
      git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
    options.update_fetchhead = 0
    let session = RemoteSession(credentials: credentials, handle: handle, remote: remote)
    let result = withExtendedLifetime(session) {
      session.install(in: &options.callbacks)
      return withStringArray(refspecs) { array in
        git_remote_fetch(handle, &array, &options, "biostore: fetch")
      }
    }
    try session.checkResult(result, "git_remote_fetch")
    // The list the server advertised stays readable after the fetch disconnects.
    var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
    var count = 0
    try check(git_remote_ls(&heads, &count, handle), "git_remote_ls")
    var names = Set<String>()
    for index in 0..<count {
      if let name = heads?[index]?.pointee.name { names.insert(String(cString: name)) }
    }
    return names
  }

  /// Pushes `refspecs` to `remote`, returning how each reference fared; a refspec list that is empty is refused, since libgit2 would then push nothing and report success.
  ///
  /// Wraps `git_remote_push` and reads its `push_update_reference` callback, without which a
  /// reference the server refuses (a non-fast-forward, a hook) still reports success. `leases`
  /// names remote references that must still hold the given commit (as `git push
  /// --force-with-lease` does): when one holds anything else, nothing is pushed.
  public func push(
    to remote: String, refspecs: [String], credentials: Credentials,
    leases: [String: ObjectID] = [:]
  ) throws(GitError) -> [PushedReference] {
    guard !refspecs.isEmpty else {
      throw GitError(code: -1, message: "no reference to push", function: "git_remote_push")
    }
    let handle = try remoteHandle(remote)
    defer { git_remote_free(handle) }
    var options = git_push_options()
    try check(
      git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
    let session = RemoteSession(credentials: credentials, handle: handle, remote: remote)
    session.leases = leases
    let result = withExtendedLifetime(session) {
      session.install(in: &options.callbacks)
      return withStringArray(refspecs) { array in git_remote_push(handle, &array, &options) }
    }
    try session.checkResult(result, "git_remote_push")
    return session.pushed.map { reference in
      var reference = reference
      reference.moved = session.changing.contains(reference.name)
      return reference
    }
  }

  /// A remote by name, or an anonymous one for a URL.
  private func remoteHandle(_ remote: String) throws(GitError) -> OpaquePointer? {
    var handle: OpaquePointer?
    if (try remoteURL(remote)) != nil {
      try check(git_remote_lookup(&handle, pointer, remote), "git_remote_lookup")
    } else {
      try check(
        git_remote_create_anonymous(&handle, pointer, remote), "git_remote_create_anonymous")
    }
    return handle
  }
}

/// Runs `body` with `strings` as a `git_strarray` whose C strings live as long as the call.
func withStringArray<T>(_ strings: [String], _ body: (inout git_strarray) -> T) -> T {
  let copies = strings.map { strdup($0) }
  defer { for copy in copies { free(copy) } }
  var pointers: [UnsafeMutablePointer<CChar>?] = copies
  return pointers.withUnsafeMutableBufferPointer { buffer in
    var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
    return body(&array)
  }
}

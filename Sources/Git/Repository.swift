internal import Clibgit2

/// An open git repository: the one libgit2 handle that outlives a call, freed when the value goes.
public final class Repository {
  let pointer: OpaquePointer

  /// The `.git` directory, with a trailing slash.
  public let gitDirectory: String
  /// The work tree, with a trailing slash, or nil for a bare repository.
  public let workDirectory: String?
  /// Where this handle's object writes go while `writingOnePack` runs, and what it has written.
  var packedWrites: PackedWrites?

  private init(pointer: OpaquePointer) {
    self.pointer = pointer
    gitDirectory = String(cString: git_repository_path(pointer))
    workDirectory = git_repository_workdir(pointer).map { String(cString: $0) }
  }

  deinit {
    git_repository_free(pointer)
  }

  /// Opens the repository whose work tree or `.git` directory is exactly `path` (no search upwards).
  ///
  /// Wraps `git_repository_open_ext` with `GIT_REPOSITORY_OPEN_NO_SEARCH`.
  public convenience init(openingAt path: String) throws(GitError) {
    GitLibrary.initialize()
    var pointer: OpaquePointer?
    try check(
      git_repository_open_ext(&pointer, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
      "git_repository_open_ext")
    self.init(pointer: pointer!)
  }

  /// Creates a non-bare repository at `path` whose `HEAD` names `initialBranch` (which has no commit yet).
  ///
  /// Wraps `git_repository_init_ext`.
  public static func create(at path: String, initialBranch: String) throws(GitError) -> Repository {
    GitLibrary.initialize()
    var options = git_repository_init_options()
    try check(
      git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
      "git_repository_init_options_init")
    options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
    var pointer: OpaquePointer?
    let result = initialBranch.withCString { branch in
      options.initial_head = branch
      return git_repository_init_ext(&pointer, path, &options)
    }
    try check(result, "git_repository_init_ext")
    return Repository(pointer: pointer!)
  }

  /// The id a reference such as `refs/heads/main` points at, peeling symbolic references, or nil if it does not exist.
  ///
  /// Wraps `git_reference_name_to_id`.
  public func referenceTarget(_ name: String) throws(GitError) -> ObjectID? {
    var oid = git_oid()
    do {
      try check(git_reference_name_to_id(&oid, pointer, name), "git_reference_name_to_id")
    } catch  where error.kind == .notFound {
      return nil
    }
    return ObjectID(oid)
  }

  /// Points `name` at `target` only if it still points at `expected` (nil: only if it does not exist yet).
  ///
  /// Wraps `git_reference_create_matching`; a lost race throws `.modified` or `.exists`.
  public func updateReference(
    _ name: String, to target: ObjectID, expecting expected: ObjectID?, logMessage: String
  ) throws(GitError) {
    var reference: OpaquePointer?
    var newID = target.oid
    if var expectedID = expected?.oid {
      try check(
        git_reference_create_matching(
          &reference, pointer, name, &newID, 1, &expectedID, logMessage),
        "git_reference_create_matching")
    } else {
      try check(
        git_reference_create(&reference, pointer, name, &newID, 0, logMessage),
        "git_reference_create")
    }
    git_reference_free(reference)
  }

  /// Deletes `name` only if it still points at `expected`; a reference already gone is no error.
  ///
  /// Wraps `git_reference_lookup` and `git_reference_delete`, which refuses with `.modified` when
  /// the reference moved after it was looked up.
  public func deleteReference(_ name: String, expecting expected: ObjectID) throws(GitError) {
    var reference: OpaquePointer?
    do {
      try check(git_reference_lookup(&reference, pointer, name), "git_reference_lookup")
    } catch  where error.kind == .notFound {
      return
    }
    defer { git_reference_free(reference) }
    guard let target = git_reference_target(reference), ObjectID(target.pointee) == expected else {
      throw GitError(
        code: GIT_EMODIFIED.rawValue, message: "\(name) no longer points at \(expected.short)",
        function: "git_reference_delete")
    }
    try check(git_reference_delete(reference), "git_reference_delete")
  }

  /// Whether `name` is a well-formed full reference name under `refs/` (no `..` part, no lock suffix, no control character).
  ///
  /// Wraps `git_reference_name_is_valid`.
  public static func isValidReferenceName(_ name: String) -> Bool {
    GitLibrary.initialize()
    var valid: Int32 = 0
    return name.hasPrefix("refs/") && git_reference_name_is_valid(&valid, name) == 0 && valid == 1
  }

  /// The names of all references under `prefix` (such as `refs/tags/`), sorted.
  ///
  /// Wraps `git_reference_foreach_glob`.
  public func referenceNames(under prefix: String) throws(GitError) -> [String] {
    var names: [String] = []
    var iterator: OpaquePointer?
    try check(
      git_reference_iterator_glob_new(&iterator, pointer, prefix + "*"),
      "git_reference_iterator_glob_new")
    defer { git_reference_iterator_free(iterator) }
    var name: UnsafePointer<CChar>?
    while true {
      let result = git_reference_next_name(&name, iterator)
      if result == GIT_ITEROVER.rawValue { break }
      try check(result, "git_reference_next_name")
      names.append(String(cString: name!))
    }
    return names.sorted()
  }
}

extension Repository {
  /// The name a symbolic reference such as `HEAD` points at (`refs/heads/main`), or nil when it is missing or not symbolic.
  ///
  /// Wraps `git_reference_lookup` and `git_reference_symbolic_target`.
  public func symbolicTarget(of name: String) throws(GitError) -> String? {
    var reference: OpaquePointer?
    do {
      try check(git_reference_lookup(&reference, pointer, name), "git_reference_lookup")
    } catch  where error.kind == .notFound {
      return nil
    }
    defer { git_reference_free(reference) }
    return git_reference_symbolic_target(reference).map { String(cString: $0) }
  }
}

extension Repository {
  /// The names and direct targets (not peeled: a tag reference gives the tag object) of all references under `prefix`, sorted by name.
  ///
  /// Wraps `git_reference_iterator_glob_new`, `git_reference_next` and `git_reference_target`;
  /// one pass, where a look-up per name would read the packed references again each time.
  public func referenceTargets(under prefix: String) throws(GitError) -> [(
    name: String, target: ObjectID
  )] {
    var references: [(name: String, target: ObjectID)] = []
    var iterator: OpaquePointer?
    try check(
      git_reference_iterator_glob_new(&iterator, pointer, prefix + "*"),
      "git_reference_iterator_glob_new")
    defer { git_reference_iterator_free(iterator) }
    var reference: OpaquePointer?
    while true {
      let result = git_reference_next(&reference, iterator)
      if result == GIT_ITEROVER.rawValue { break }
      try check(result, "git_reference_next")
      defer { git_reference_free(reference) }
      // A symbolic reference has no direct target; it is left out.
      guard let target = git_reference_target(reference) else { continue }
      references.append((String(cString: git_reference_name(reference)), ObjectID(target.pointee)))
    }
    return references.sorted { $0.name < $1.name }
  }
}

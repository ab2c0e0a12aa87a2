internal import Clibgit2

extension Repository {
  /// The kind of the object `id`.
  ///
  /// Wraps `git_object_lookup` and `git_object_type`.
  public func objectKind(_ id: ObjectID) throws(GitError) -> ObjectKind {
    var oid = id.oid
    var object: OpaquePointer?
    try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY), "git_object_lookup")
    defer { git_object_free(object) }
    return ObjectKind(git_object_type(object))
  }

  /// Whether `id` is a commit, or a chain of annotated tags ending at one.
  public func peelsToCommit(_ id: ObjectID) -> Bool {
    var current = id
    // git allows tags of tags; a chain longer than this is not something biostore made.
    for _ in 0..<16 {
      switch try? objectKind(current) {
      case .commit: return true
      case .tag:
        guard let next = try? tag(current).targetID else { return false }
        current = next
      default: return false
      }
    }
    return false
  }

  /// Reads the annotated tag `id`, copying it out as a value.
  ///
  /// Wraps `git_tag_lookup`.
  public func tag(_ id: ObjectID) throws(GitError) -> Tag {
    var oid = id.oid
    var tag: OpaquePointer?
    try check(git_tag_lookup(&tag, pointer, &oid), "git_tag_lookup")
    defer { git_tag_free(tag) }
    return Tag(
      id: id,
      targetID: ObjectID(git_tag_target_id(tag).pointee),
      targetKind: ObjectKind(git_tag_target_type(tag)),
      name: String(cString: git_tag_name(tag)),
      tagger: git_tag_tagger(tag).map(Signature.init),
      // A tag made with `git tag -a -m ""` has no message at all.
      message: git_tag_message(tag).map { String(cString: $0) } ?? "")
  }

  /// Writes an annotated tag object named `name` on the commit `target` and returns its id, creating no reference.
  ///
  /// The object is formatted here, as `git_tag_annotation_create` would, and stored with
  /// `git_odb_write` (libgit2's writer cuts dates to 32 bits); the caller moves the tag's
  /// reference by compare-and-swap.
  public func createTag(
    name: String, target: ObjectID, tagger: Signature, message: String
  ) throws(GitError) -> ObjectID {
    var valid: Int32 = 0
    try check(git_tag_name_is_valid(&valid, name), "git_tag_name_is_valid")
    guard valid != 0 else {
      throw GitError(
        code: GIT_EINVALIDSPEC.rawValue, message: "'\(name)' is not a valid tag name",
        function: "git_tag_name_is_valid")
    }
    try requireObject(target, of: .commit)
    let text =
      "object \(target)\ntype commit\ntag \(name)\ntagger \(try tagger.checkedHeaderValue())\n\n"
      + message
    return try writeObject(Array(text.utf8), kind: GIT_OBJECT_TAG)
  }
}

extension ObjectKind {
  init(_ type: git_object_t) {
    switch type {
    case GIT_OBJECT_COMMIT: self = .commit
    case GIT_OBJECT_TREE: self = .tree
    case GIT_OBJECT_TAG: self = .tag
    // A looked-up object is one of the four kinds; only a blob is left.
    default: self = .blob
    }
  }
}

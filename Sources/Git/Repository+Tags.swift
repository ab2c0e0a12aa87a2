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
  /// Wraps `git_tag_annotation_create`, so the caller moves the tag's reference by compare-and-swap.
  public func createTag(
    name: String, target: ObjectID, tagger: Signature, message: String
  ) throws(GitError) -> ObjectID {
    var targetOID = target.oid
    var commit: OpaquePointer?
    try check(
      git_object_lookup(&commit, pointer, &targetOID, GIT_OBJECT_COMMIT), "git_object_lookup")
    defer { git_object_free(commit) }
    var tagID = git_oid()
    try tagger.withGitSignature { (signature) throws(GitError) -> Void in
      try check(
        git_tag_annotation_create(&tagID, pointer, name, commit, signature, message),
        "git_tag_annotation_create")
    }
    return ObjectID(tagID)
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

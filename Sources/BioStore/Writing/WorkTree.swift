import Git

/// The store's work tree: the checked-out variant files, read without following links, and the one check that a file holds no unsaved hand edit.
struct WorkTree {
  /// The work tree's path, without a trailing slash.
  let path: String

  /// The path of a variant's file.
  func path(of variant: VariantName) -> String {
    path + "/" + variant.fileName
  }

  /// The bytes and blob id of the variant's file as it stands, or nil when there is no file; refuses a link or anything but a regular file.
  func file(of variant: VariantName) throws(StoreError) -> (bytes: [UInt8], id: ObjectID)? {
    let path = path(of: variant)
    let bytes: [UInt8]?
    do {
      bytes = try UnfollowedFile.read(path, limit: VersionText.maximumBytes)
    } catch {
      throw StoreError(reading: path, error, limit: "4 MiB")
    }
    guard let bytes else { return nil }
    do {
      return (bytes, try Repository.blobID(of: bytes))
    } catch {
      throw .storage("cannot read \(path) (\(error.message))")
    }
  }

  /// Refuses, before anything is written, when the variant's file holds text that is neither its text in the tip (`tipBlob`) nor `alsoAllowed` (the text about to be saved): a person's words are never overwritten.
  func refuseUnsavedEdits(
    of variant: VariantName, tipBlob: ObjectID?, alsoAllowed: ObjectID? = nil
  ) throws(StoreError) {
    guard let file = try file(of: variant), file.id != tipBlob, file.id != alsoAllowed else {
      return
    }
    throw .handEdited(path: path(of: variant), variant: variant.rawValue)
  }
}

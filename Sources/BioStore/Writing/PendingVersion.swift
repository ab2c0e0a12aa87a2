/// A version about to be written: a variant's new text (nil deletes its file), the commit message and the as-of date.
struct PendingVersion {
  /// The variant.
  var variant: VariantName
  /// The new text's bytes, or nil to delete the file.
  var bytes: [UInt8]?
  /// The commit message.
  var message: String
  /// The as-of date (the commit's author date).
  var asOf: Timestamp
  /// The variant whose file the same commit deletes, for a rename (`bytes` is then its text).
  var renamedFrom: VariantName? = nil
}

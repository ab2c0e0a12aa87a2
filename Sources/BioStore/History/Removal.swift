import Git

/// The commit that deleted a variant's file, and its date.
struct Removal: Equatable {
  /// The commit.
  let id: ObjectID
  /// Its author date.
  let date: Timestamp
}

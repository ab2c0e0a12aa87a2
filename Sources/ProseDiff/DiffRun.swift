/// One run of an edit script: symbols kept on both sides, or old symbols replaced by new ones.
struct DiffRun: Equatable {
  /// The old symbols it covers.
  var old: Range<Int>
  /// The new symbols it covers.
  var new: Range<Int>
  /// Whether the run is kept unchanged.
  var isEqual: Bool
}

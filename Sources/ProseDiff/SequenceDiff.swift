/// The difference between two sequences of symbols, as a mark on every symbol that is not kept.
///
/// Common prefixes and suffixes are stripped, then Myers' O(ND) middle-snake search in linear
/// space finds a shortest edit script. Two bounds keep large inputs fast: a range longer than
/// `exactLimit` (100,000) on either side is first cut at symbols that occur once on each side (patience
/// diff's anchors), and a search that passes `maximumCost` steps splits at its furthest point
/// instead of finishing, as git's xdiff does. Inside both bounds the script is minimal.
struct SequenceDiff {
  /// Above this many symbols on a side, a range is first cut at unique common symbols (DESIGN.md's bound).
  static let defaultExactLimit = 100_000

  /// Whether each old symbol was deleted.
  let deleted: [Bool]
  /// Whether each new symbol was inserted.
  let inserted: [Bool]

  /// Compares `old` with `new`, whose symbols are all below `symbolCount`; tests lower the bounds to reach the heuristics.
  init(
    old: [Int32], new: [Int32], symbolCount: Int, exactLimit: Int = SequenceDiff.defaultExactLimit,
    maximumCost: Int? = nil
  ) {
    var deleted = [Bool](repeating: false, count: old.count)
    var inserted = [Bool](repeating: false, count: new.count)
    old.withUnsafeBufferPointer { old in
      new.withUnsafeBufferPointer { new in
        deleted.withUnsafeMutableBufferPointer { deleted in
          inserted.withUnsafeMutableBufferPointer { inserted in
            var search = SequenceSearch(
              old: old, new: new, deleted: deleted, inserted: inserted, symbolCount: symbolCount,
              exactLimit: exactLimit, maximumCost: maximumCost)
            search.run()
            search.deallocate()
          }
        }
      }
    }
    self.deleted = deleted
    self.inserted = inserted
  }

  /// The runs of the edit script, in order: kept runs alternate with changed ones.
  var runs: [DiffRun] {
    var runs: [DiffRun] = []
    var oldIndex = 0
    var newIndex = 0
    while oldIndex < deleted.count || newIndex < inserted.count {
      let oldStart = oldIndex
      let newStart = newIndex
      while oldIndex < deleted.count && newIndex < inserted.count && !deleted[oldIndex]
        && !inserted[newIndex]
      {
        oldIndex += 1
        newIndex += 1
      }
      if oldIndex > oldStart {
        runs.append(DiffRun(old: oldStart..<oldIndex, new: newStart..<newIndex, isEqual: true))
      }
      let changeOld = oldIndex
      let changeNew = newIndex
      while oldIndex < deleted.count && deleted[oldIndex] { oldIndex += 1 }
      while newIndex < inserted.count && inserted[newIndex] { newIndex += 1 }
      if oldIndex > changeOld || newIndex > changeNew {
        runs.append(DiffRun(old: changeOld..<oldIndex, new: changeNew..<newIndex, isEqual: false))
      }
    }
    return runs
  }
}

extension ProseDiff {
  /// The runs with each pure insertion or deletion slid, where the same tokens allow, to begin a paragraph.
  ///
  /// A minimal diff may place a new paragraph as `words{+.\n\nEnd para+}.`: the same edit as
  /// `words.{+\n\nEnd para.+}`, since the inserted run's first token equals the token after it.
  /// The second reads better and, in a document, keeps the old paragraph whole when the
  /// insertion is rejected, so among the equivalent places the first that begins a paragraph is
  /// chosen; when none does, the run stays where it is.
  static func slidToParagraphs(_ runs: [DiffRun], old: ProseText, new: ProseText) -> [DiffRun] {
    var runs = runs
    var index = 1
    while index + 1 < runs.count {
      defer { index += 1 }
      let (before, change, after) = (runs[index - 1], runs[index], runs[index + 1])
      guard before.isEqual, !change.isEqual, after.isEqual,
        change.old.isEmpty || change.new.isEmpty
      else { continue }
      let isInsertion = change.old.isEmpty
      let text = isInsertion ? new : old
      let range = isInsertion ? change.new : change.old
      guard !text.startsParagraph(range.lowerBound) else { continue }
      // How far right the run can move: while its first token reads as the one after it.
      var shift = 0
      var found: Int?
      while shift < after.new.count, range.upperBound + shift < text.tokenCount,
        text.sameToken(range.lowerBound + shift, range.upperBound + shift)
      {
        shift += 1
        if text.startsParagraph(range.lowerBound + shift) {
          found = shift
          break
        }
      }
      // Kept runs and changes alternate: the run after may be used up only at the text's end.
      guard let shift = found, shift < after.new.count || index + 2 == runs.count else { continue }
      runs[index - 1].old = before.old.lowerBound..<(before.old.upperBound + shift)
      runs[index - 1].new = before.new.lowerBound..<(before.new.upperBound + shift)
      if isInsertion {
        runs[index].new = (range.lowerBound + shift)..<(range.upperBound + shift)
        runs[index].old = runs[index - 1].old.upperBound..<runs[index - 1].old.upperBound
      } else {
        runs[index].old = (range.lowerBound + shift)..<(range.upperBound + shift)
        runs[index].new = runs[index - 1].new.upperBound..<runs[index - 1].new.upperBound
      }
      runs[index + 1].old = (after.old.lowerBound + shift)..<after.old.upperBound
      runs[index + 1].new = (after.new.lowerBound + shift)..<after.new.upperBound
      if runs[index + 1].new.isEmpty { runs.remove(at: index + 1) }
    }
    return runs
  }
}

extension ProseText {
  /// Whether tokens `first` and `second` are the same bytes, both glued or both spaced.
  func sameToken(_ first: Int, _ second: Int) -> Bool {
    bytes[spans[first].range] == bytes[spans[second].range] && isSpaced(first) == isSpaced(second)
  }
}

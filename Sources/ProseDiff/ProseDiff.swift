/// The word-level difference between two texts, with layout (wrapping, indentation, `> `) not counted as change.
///
/// Counts come from the minimal token diff (see `SequenceDiff` for the bounds on very large texts):
/// `added` is the number of new-text words holding an inserted token, `removed` the number of
/// old-text words holding a deleted one. What is shown is cleaned up first, so it reads like an
/// editor's redline: a short unchanged word (`a`, `the`, a comma) between two changes in one
/// paragraph is folded into them (diff-match-patch's semantic clean-up, by tokens, bounded).
public struct ProseDiff: Sendable {
  /// The text compared from.
  public let old: ProseText
  /// The text compared to.
  public let new: ProseText
  /// Words of the new text that hold an inserted token.
  public let added: Int
  /// Words of the old text that hold a deleted token.
  public let removed: Int
  /// The runs to show, after clean-up: kept runs alternate with changed ones.
  let runs: [DiffRun]

  /// Compares two texts.
  public init(old: String, new: String) {
    self.init(old: ProseText(old), new: ProseText(new))
  }

  /// Compares two tokenized texts.
  public init(old: ProseText, new: ProseText) {
    self.old = old
    self.new = new
    let symbols = SymbolTable.number(old: (old.bytes, old.spans), new: (new.bytes, new.spans))
    let minimal = SequenceDiff(old: symbols.old, new: symbols.new, symbolCount: symbols.count)
    added = new.wordsHolding { minimal.inserted[$0] }
    removed = old.wordsHolding { minimal.deleted[$0] }
    runs = ProseDiff.slidToParagraphs(
      ProseDiff.cleanedUp(minimal.runs, old: old, new: new), old: old, new: new)
  }

  /// Whether any word or punctuation changed.
  public var changesWording: Bool { runs.contains { !$0.isEqual } }

  /// Whether the texts differ at all, in wording or only in layout.
  public var changesText: Bool { old.bytes != new.bytes }

  /// The runs as text: `equal` and `insert` pieces concatenate to the new text, `equal` and `delete` to the old text's tokens.
  ///
  /// Each piece keeps the layout before its first token, from the text it comes from; the new
  /// text's trailing layout goes with its last piece.
  public var changes: [TextChange] {
    var changes: [TextChange] = []
    for run in runs {
      if !run.old.isEmpty && !run.isEqual {
        changes.append(TextChange(op: .delete, text: old.slice(old.span(run.old))))
      }
      if !run.new.isEmpty {
        changes.append(
          TextChange(op: run.isEqual ? .equal : .insert, text: new.slice(new.span(run.new))))
      }
    }
    let trailing = new.slice(new.trailingLayout)
    if let last = changes.lastIndex(where: { $0.op != .delete }) {
      changes[last].text += trailing
    } else if !trailing.isEmpty {
      changes.append(TextChange(op: .equal, text: trailing))
    }
    return changes
  }

  /// The longest kept run that is folded into the changes around it, in characters: `a`, `of`, `the`, `and`, a comma.
  ///
  /// diff-match-patch folds any run no longer than the changes around it; unbounded, that
  /// swallows whole unchanged phrases (`where he`, `AI supercomputers`) into long rewrites.
  static let longestFold = 3

  /// Folds a short kept run between two changes into them, as long as it stays within a paragraph.
  private static func cleanedUp(_ runs: [DiffRun], old: ProseText, new: ProseText) -> [DiffRun] {
    func size(_ run: DiffRun) -> Int {
      max(old.readingLength(run.old), new.readingLength(run.new))
    }
    func folds(_ before: DiffRun, _ kept: DiffRun, _ after: DiffRun) -> Bool {
      let length = new.readingLength(kept.new)
      guard length <= ProseDiff.longestFold, length <= size(before), length <= size(after) else {
        return false
      }
      let crossesParagraph =
        (kept.new.lowerBound...kept.new.upperBound).contains {
          $0 < new.tokenCount && new.startsParagraph($0)
        }
        || (kept.old.lowerBound...kept.old.upperBound).contains {
          $0 < old.tokenCount && old.startsParagraph($0)
        }
      return !crossesParagraph
    }
    var result: [DiffRun] = []
    for run in runs {
      result.append(run)
      while result.count >= 3, !run.isEqual {
        let before = result[result.count - 3]
        let kept = result[result.count - 2]
        let after = result[result.count - 1]
        guard !before.isEqual, kept.isEqual, !after.isEqual, folds(before, kept, after) else {
          break
        }
        result.removeLast(3)
        result.append(
          DiffRun(
            old: before.old.lowerBound..<after.old.upperBound,
            new: before.new.lowerBound..<after.new.upperBound, isEqual: false))
      }
    }
    return result
  }
}

/// A unified line diff of two texts, in the form `diff -u` writes and `patch` and `git apply` read.
public enum UnifiedDiff {
  /// The diff from `old` to `new` with `context` lines around each change, or "" when the texts are equal.
  public static func text(
    old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3
  ) -> String {
    let oldBytes = Array(old.utf8)
    let newBytes = Array(new.utf8)
    let oldLines = lineSpans(oldBytes)
    let newLines = lineSpans(newBytes)
    let symbols = SymbolTable.number(old: (oldBytes, oldLines), new: (newBytes, newLines))
    let diff = SequenceDiff(old: symbols.old, new: symbols.new, symbolCount: symbols.count)
    let runs = diff.runs
    guard runs.contains(where: { !$0.isEqual }) else { return "" }

    var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
    func line(_ prefix: String, _ bytes: [UInt8], _ lines: [TokenSpan], _ index: Int) {
      let text = String(decoding: bytes[lines[index].range], as: UTF8.self)
      output += prefix + text
      if !text.hasSuffix("\n") { output += "\n\\ No newline at end of file\n" }
    }
    for hunk in hunks(runs, context: context) {
      guard let first = hunk.first, let last = hunk.last else { continue }
      let oldRange = first.old.lowerBound..<last.old.upperBound
      let newRange = first.new.lowerBound..<last.new.upperBound
      output += "@@ -\(header(oldRange)) +\(header(newRange)) @@\n"
      for run in hunk {
        if run.isEqual {
          for index in run.new { line(" ", newBytes, newLines, index) }
        } else {
          for index in run.old { line("-", oldBytes, oldLines, index) }
          for index in run.new { line("+", newBytes, newLines, index) }
        }
      }
    }
    return output
  }

  /// `start,count` as hunk headers write it: 1-based, the line before for an empty range, `,1` left out.
  private static func header(_ range: Range<Int>) -> String {
    switch range.count {
    case 0: "\(range.lowerBound),0"
    case 1: "\(range.lowerBound + 1)"
    default: "\(range.lowerBound + 1),\(range.count)"
    }
  }

  /// The runs grouped into hunks: changes less than two contexts apart share one, kept runs trimmed to `context` lines.
  private static func hunks(_ runs: [DiffRun], context: Int) -> [[DiffRun]] {
    var hunks: [[DiffRun]] = []
    var current: [DiffRun] = []
    for (index, run) in runs.enumerated() {
      guard run.isEqual else {
        current.append(run)
        continue
      }
      let isFirst = index == 0
      let isLast = index == runs.count - 1
      let length = run.old.count
      if !isFirst && !isLast && length <= 2 * context {
        current.append(run)
        continue
      }
      if !isFirst {
        let kept = min(context, length)
        current.append(
          DiffRun(
            old: run.old.lowerBound..<run.old.lowerBound + kept,
            new: run.new.lowerBound..<run.new.lowerBound + kept, isEqual: true))
        hunks.append(current)
      }
      let kept = min(context, length)
      current = [
        DiffRun(
          old: run.old.upperBound - kept..<run.old.upperBound,
          new: run.new.upperBound - kept..<run.new.upperBound, isEqual: true)
      ]
      if isLast { current = [] }
    }
    if current.contains(where: { !$0.isEqual }) { hunks.append(current) }
    return hunks.map { $0.filter { !$0.old.isEmpty || !$0.new.isEmpty } }
  }

  /// Each line's span, its line break included, so a last line without one differs from the same line with it.
  private static func lineSpans(_ bytes: [UInt8]) -> [TokenSpan] {
    bytes.withUnsafeBufferPointer { bytes in
      var lines: [TokenSpan] = []
      var start = 0
      for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
        lines.append(TokenSpan(bytes, start: start, end: index + 1, word: -1))
        start = index + 1
      }
      if start < bytes.count {
        lines.append(TokenSpan(bytes, start: start, end: bytes.count, word: -1))
      }
      return lines
    }
  }
}

/// How a redline marks what was deleted and inserted.
public enum RedlineStyle: Sendable {
  /// `[-deleted-]{+inserted+}`, as `git diff --word-diff=plain` writes it.
  case plain
  /// Red struck-through deletions and green insertions, for a terminal.
  case color

  func deleted(_ text: String) -> String {
    self == .plain ? "[-\(text)-]" : "\u{1B}[31;9m\(text)\u{1B}[0m"
  }

  func inserted(_ text: String) -> String {
    self == .plain ? "{+\(text)+}" : "\u{1B}[32m\(text)\u{1B}[0m"
  }
}

extension ProseDiff {
  /// The new text in its own layout with every change marked inline; with `context`, only the changed paragraphs and that many paragraphs around each.
  public func redline(_ style: RedlineStyle, context: Int? = nil) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(new.bytes.count + new.bytes.count / 8)
    var marked: [Range<Int>] = []
    for segment in redlineSegments() {
      let start = output.count
      switch segment.kind {
      case .same: output += segment.text.utf8
      case .deleted: output += style.deleted(segment.text).utf8
      case .inserted: output += style.inserted(segment.text).utf8
      }
      if segment.kind != .same { marked.append(start..<output.count) }
    }
    guard let context else { return String(decoding: output, as: UTF8.self) }
    return ProseDiff.paragraphs(of: output, touching: marked, context: context)
  }

  /// The redline as a run of pieces, each unchanged, deleted or inserted; joined, the unchanged and inserted pieces are the new text's words.
  ///
  /// Deleted words read on one line where they stood. A deletion that began a line in the old
  /// text opens the line it now precedes; any other follows the word before it. With
  /// `spacingInside`, for documents, every deletion stays where it stood, and the space that only
  /// sets a deletion or an insertion apart is part of its piece, so a document whose changes are
  /// all accepted reads `systems,` and not `systems ,`, and one whose changes are all rejected
  /// `supercomputer.` and not `supercomputer .`.
  public func redlineSegments(spacingInside: Bool = false) -> [RedlineSegment] {
    var segments: [RedlineSegment] = []
    func add(_ kind: RedlineSegment.Kind, _ text: String) {
      guard !text.isEmpty else { return }
      if kind == .same, let last = segments.last, last.kind == .same {
        segments[segments.count - 1] = RedlineSegment(kind: .same, text: last.text + text)
      } else {
        segments.append(RedlineSegment(kind: kind, text: text))
      }
    }
    func same(_ bytes: ArraySlice<UInt8>) { add(.same, String(decoding: bytes, as: UTF8.self)) }
    // For documents, blockquote markers are left out of every piece: they are layout, and a
    // writer could not tell one from a `>` that is a word.
    func unquoted(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
      spacingInside ? bytes.filter { $0 != UInt8(ascii: ">") }[...] : bytes
    }
    func text(_ tokens: Range<Int>, withLayoutBefore: Bool) -> ArraySlice<UInt8> {
      let start =
        withLayoutBefore
        ? new.layoutStart(tokens.lowerBound) : Int(new.spans[tokens.lowerBound].start)
      guard spacingInside else {
        return new.bytes[start..<Int(new.spans[tokens.upperBound - 1].end)]
      }
      var bytes: [UInt8] = []
      for index in tokens {
        if index > tokens.lowerBound || withLayoutBefore {
          bytes += unquoted(new.bytes[new.layoutStart(index)..<Int(new.spans[index].start)])
        }
        bytes += new.bytes[new.spans[index].range]
      }
      return bytes[...]
    }
    var deletionOpeningLine: String?
    for (index, run) in runs.enumerated() {
      if run.isEqual || !run.new.isEmpty {
        let first = run.new.lowerBound
        let layout = new.layoutStart(first)..<Int(new.spans[first].start)
        let tokens = Int(new.spans[first].start)..<Int(new.spans[run.new.upperBound - 1].end)
        // A replacement whose two sides disagree on a space before them keeps that space inside
        // its own side's marker, so neither `2022[-I started-]` nor `Manager [-. My-]` reads wrong.
        let oldSpaced = !run.isEqual && !run.old.isEmpty && old.isSpaced(run.old.lowerBound)
        // With `spacingInside`, a pure insertion takes the layout before it too, unless the old
        // text needs that space before the word that follows (`a [x] b`, not `supercomputer[ x].`).
        let oldNeedsLayout =
          run.old.lowerBound < old.tokenCount && old.isSpaced(run.old.lowerBound)
        let keepsLayoutInside =
          !run.isEqual
          && (run.old.isEmpty ? spacingInside && !oldNeedsLayout : oldSpaced == layout.isEmpty)
        if !keepsLayoutInside { same(unquoted(new.bytes[layout])) }
        if let deletion = deletionOpeningLine {
          add(.deleted, deletion)
          add(.same, " ")
          deletionOpeningLine = nil
        }
        if run.isEqual {
          same(text(run.new, withLayoutBefore: false))
        } else {
          if !run.old.isEmpty {
            add(.deleted, (keepsLayoutInside && oldSpaced ? " " : "") + old.collapsed(run.old))
          }
          add(
            .inserted,
            String(
              decoding: text(run.new, withLayoutBefore: keepsLayoutInside), as: UTF8.self))
        }
      } else if spacingInside {
        // In place, with the spaces the old text had around it that the new text lacks there, so
        // taking it out leaves the new words and putting it back the old ones.
        let before = segments.last.map { !($0.text.last?.isWhitespace ?? true) } ?? false
        let next =
          index + 1 < runs.count && !runs[index + 1].new.isEmpty
          ? runs[index + 1].new.lowerBound : nil
        let after =
          run.old.upperBound < old.tokenCount && old.isSpaced(run.old.upperBound)
          && !(next.map { new.isSpaced($0) } ?? false)
        add(
          .deleted,
          (before && old.isSpaced(run.old.lowerBound) ? " " : "") + old.collapsed(run.old)
            + (after ? " " : ""))
      } else {
        let deletion = old.collapsed(run.old)
        if old.startsLine(run.old.lowerBound) && index + 1 < runs.count {
          deletionOpeningLine = deletion
        } else {
          if old.isSpaced(run.old.lowerBound) && !segments.isEmpty { add(.same, " ") }
          add(.deleted, deletion)
        }
      }
    }
    same(unquoted(new.bytes[new.trailingLayout]))
    return segments
  }

  /// Only the paragraphs of `output` that overlap `marked` and `context` paragraphs around each, with a line for each gap.
  private static func paragraphs(
    of output: [UInt8], touching marked: [Range<Int>], context: Int
  ) -> String {
    let paragraphs = paragraphRanges(of: output)
    let changed = paragraphs.indices.filter { index in
      marked.contains {
        $0.overlaps(paragraphs[index]) || $0.lowerBound == paragraphs[index].upperBound
      }
    }
    var shown = Set<Int>()
    for index in changed {
      // Saturating: a context of Int.max means every paragraph, not an overflow.
      let reach = min(context, paragraphs.count)
      for neighbour in max(0, index - reach)...min(paragraphs.count - 1, index + reach) {
        shown.insert(neighbour)
      }
    }
    var result: [UInt8] = []
    var previous: Int?
    func gap(_ count: Int) {
      if !result.isEmpty { result += "\n\n".utf8 }
      result += "[… \(count) unchanged paragraph\(count == 1 ? "" : "s") …]".utf8
    }
    for index in shown.sorted() {
      if let previous, previous == index - 1 {
        result += output[paragraphs[previous].upperBound..<paragraphs[index].upperBound]
      } else {
        let skipped = index - (previous.map { $0 + 1 } ?? 0)
        if skipped > 0 {
          gap(skipped)
          result += "\n\n".utf8
        }
        result += output[paragraphs[index]]
      }
      previous = index
    }
    if let previous, previous < paragraphs.count - 1 { gap(paragraphs.count - 1 - previous) }
    if !result.isEmpty { result.append(UInt8(ascii: "\n")) }
    return String(decoding: result, as: UTF8.self)
  }

  /// The byte ranges of the paragraphs of `output`: runs of lines between blank lines (empty, or only `>` markers).
  private static func paragraphRanges(of output: [UInt8]) -> [Range<Int>] {
    var paragraphs: [Range<Int>] = []
    var current: Range<Int>?
    var lineStart = 0
    while lineStart < output.count {
      let lineEnd = output[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? output.count
      let isBlank = output[lineStart..<lineEnd].allSatisfy {
        $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r")
          || $0 == UInt8(ascii: ">")
      }
      if !isBlank {
        current = (current?.lowerBound ?? lineStart)..<lineEnd
      } else if let paragraph = current {
        paragraphs.append(paragraph)
        current = nil
      }
      lineStart = lineEnd + 1
    }
    if let paragraph = current { paragraphs.append(paragraph) }
    return paragraphs
  }
}

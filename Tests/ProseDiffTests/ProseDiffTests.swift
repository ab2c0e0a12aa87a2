import Foundation
import Testing

@testable import ProseDiff

@Suite struct ProseDiffTests {
  let paragraph = """
    > Glenn K. Lockwood is a Principal Engineer at Microsoft, where he
    > supports the world's largest AI supercomputers. Before that he was
    > a storage architect at NERSC.

    """

  @Test func rewrappingAParagraphChangesNoWords() {
    let rewrapped = """
      > Glenn K. Lockwood is a Principal Engineer
      > at Microsoft, where he supports the world's largest AI
      >   supercomputers.   Before that he was a storage
      > architect at NERSC.
      """

    let diff = ProseDiff(old: paragraph, new: rewrapped)

    #expect(diff.added == 0 && diff.removed == 0)
    #expect(!diff.changesWording)
    #expect(diff.changesText)
  }

  @Test func rewrappingAndInsertingOneWordShowsExactlyThatWord() {
    let rewrapped = """
      > Glenn K. Lockwood is a Principal Engineer at Microsoft,
      > where he supports the world's largest public AI supercomputers. Before
      > that he was a storage architect at NERSC.

      """

    let diff = ProseDiff(old: paragraph, new: rewrapped)
    let redline = diff.redline(.plain)

    #expect(diff.added == 1 && diff.removed == 0)
    #expect(redline.contains("largest {+public+} AI"))
    #expect(redline.components(separatedBy: "{+").count == 2)
    #expect(!redline.contains("[-"))
    #expect(
      redline.replacingOccurrences(of: "{+public+} ", with: "")
        == rewrapped.replacingOccurrences(of: "public ", with: ""))
  }

  @Test(arguments: [
    // (old, new, added, removed, plain redline)
    ("Hello, world.", "Hello world.", 0, 1, "Hello[-,-] world."),
    ("He said “hi” to me.", "He said \"hi\" to me.", 1, 1, "He said [-“hi”-]{+\"hi\"+} to me."),
    (
      "a well-known engineer", "a well known engineer", 2, 1,
      "a [-well-known-]{+well known+} engineer"
    ),
    ("don’t stop", "do not stop", 2, 1, "[-don’t-]{+do not+} stop"),
    (
      "See [my site](https://a.org).", "See [my site](https://b.org).", 1, 1,
      "See [my site](https://[-a.org-]{+b.org+})."
    ),
    ("a principal engineer", "a *principal* engineer", 1, 0, "a {+*+}principal{+*+} engineer"),
    // A space after a comma is part of the words (3 become 4), not layout.
    ("foo,bar and baz.", "foo, bar and baz.", 1, 1, "foo,[-bar-]{+ bar+} and baz."),
    // A new paragraph is shown starting where paragraphs start, not as `words{+.\n\nEnd+}.`.
    ("P2 words.\n", "P2 words.\n\nEnd para.\n", 2, 0, "P2 words.\n\n{+End para.+}\n"),
    ("- one\n- two\n", "- one\n- two\n- three\n", 1, 0, "- one\n- two\n{+- three+}\n"),
    ("", "", 0, 0, ""),
    ("", "Two words", 2, 0, "{+Two words+}"),
    ("Two words\n", "", 0, 2, "[-Two words-]"),
    (
      "It costs 1,000 dollars.", "It costs 2,000 dollars.", 1, 1,
      "It costs [-1,000-]{+2,000+} dollars."
    ),
    (
      "## Biosketch\n\nText here.", "## Short bio\n\nText here.", 2, 1,
      "## [-Biosketch-]{+Short bio+}\n\nText here."
    ),
  ])
  func trickyProseIsCountedInWordsAndMarkedInPlace(
    _ example: (String, String, Int, Int, String)
  ) {
    let (old, new, added, removed, redline) = example

    let diff = ProseDiff(old: old, new: new)

    #expect(diff.added == added)
    #expect(diff.removed == removed)
    #expect(diff.redline(.plain) == redline)
  }

  @Test func aShortUnchangedWordBetweenTwoChangesIsFoldedIntoThem() {
    let diff = ProseDiff(
      old: "Glenn was a product manager at Azure.", new: "Glenn is a principal engineer at Azure.")

    #expect(
      diff.redline(.plain) == "Glenn [-was a product manager-]{+is a principal engineer+} at Azure."
    )
    #expect(diff.added == 3 && diff.removed == 3)
  }

  @Test func aDeletedSentenceThatOpenedAParagraphStaysAtItsStart() {
    let diff = ProseDiff(
      old: "First paragraph.\n\nGone now. Second paragraph.\n",
      new: "First paragraph.\n\nSecond paragraph.\n")

    #expect(diff.redline(.plain) == "First paragraph.\n\n[-Gone now.-] Second paragraph.\n")
  }

  @Test func deletedWordsThatSpannedLinesReadOnOneLine() {
    let diff = ProseDiff(
      old: "> keep this\n> and drop\n> these words now\n", new: "> keep this now\n")

    #expect(diff.redline(.plain) == "> keep this [-and drop these words-] now\n")
    #expect(diff.removed == 4)
  }

  @Test func colorMarksDeletionsRedStruckAndInsertionsGreen() {
    let diff = ProseDiff(old: "a b c", new: "a x c")

    #expect(diff.redline(.color) == "a \u{1B}[31;9mb\u{1B}[0m\u{1B}[32mx\u{1B}[0m c")
  }

  @Test func contextKeepsOnlyChangedParagraphsAndTheirNeighbours() {
    let old = (1...7).map { "Paragraph \($0) text." }.joined(separator: "\n\n") + "\n"
    let new = old.replacingOccurrences(of: "Paragraph 5 text", with: "Paragraph 5 words")

    let diff = ProseDiff(old: old, new: new)

    #expect(
      diff.redline(.plain, context: 1) == """
        [… 3 unchanged paragraphs …]

        Paragraph 4 text.

        Paragraph 5 [-text-]{+words+}.

        Paragraph 6 text.

        [… 1 unchanged paragraph …]

        """)
    #expect(
      diff.redline(.plain, context: 0)
        == "[… 4 unchanged paragraphs …]\n\nParagraph 5 [-text-]{+words+}.\n\n[… 2 unchanged paragraphs …]\n"
    )
  }

  @Test(arguments: [
    "> Glenn K. Lockwood is\n> a *Principal* Engineer -\n## Heading\n- item + more\n",
    "  indented  words\tand\ttabs\r\nwindows lines\n",
    ">> nested quote\n>>> deeper\n",
    "“Curly” quotes — and dashes – here… ok",
  ])
  func wordCountsAgreeWithWhitespaceSplittingWithoutLoneMarkers(_ text: String) {
    let markers: Set<String> = ["-", "*", "+", "#", "##", "###", "####", "#####", "######"]
    let expected = text.split(whereSeparator: \.isWhitespace).filter {
      !markers.contains(String($0)) && !$0.allSatisfy { $0 == ">" }
    }.count

    #expect(ProseText(text).wordCount == expected)
  }

  @Test func changesRebuildTheNewTextAndApplyToTheOldTokensOnRandomEdits() {
    var random = SplitMix64(seed: 2024)
    for _ in 0..<2000 {
      let oldWords = RandomProse.words(
        count: Int.random(in: 0...40, using: &random), using: &random)
      let newWords = RandomProse.edited(oldWords, pool: RandomProse.vocabulary, using: &random)
      let old = RandomProse.laidOut(oldWords, using: &random)
      let new = RandomProse.laidOut(newWords, using: &random)

      let diff = ProseDiff(old: old, new: new)
      let changes = diff.changes
      var unused = ProseText(old).tokens[...]
      var applied: [String] = []
      for change in changes {
        // A word before the piece keeps its first token from being read as the text's first.
        let tokens = ProseText("x\n" + change.text).tokens.dropFirst()
        if change.op != .insert {
          #expect(Array(unused.prefix(tokens.count)) == Array(tokens))
          unused = unused.dropFirst(tokens.count)
        }
        if change.op != .delete { applied += tokens }
      }

      let context = "old: \(old.debugDescription) new: \(new.debugDescription)"
      #expect(changes.filter { $0.op != .delete }.map(\.text).joined() == new, "\(context)")
      #expect(unused.isEmpty, "\(context)")
      #expect(applied == ProseText(new).tokens, "\(context)")
      #expect(diff.changesWording == (ProseText(old).tokens != ProseText(new).tokens))
    }
  }

  @Test func theSequenceDiffIsMinimalOnRandomSequences() {
    var random = SplitMix64(seed: 7)
    for _ in 0..<1000 {
      let old = (0..<Int.random(in: 0...30, using: &random)).map { _ in
        Int32.random(in: 0..<5, using: &random)
      }
      let new = RandomProse.edited(old, pool: Array(0..<5), using: &random)

      let diff = SequenceDiff(old: old, new: new, symbolCount: 5)

      #expect(kept(old, diff.deleted) == kept(new, diff.inserted))
      let changed = diff.deleted.filter { $0 }.count + diff.inserted.filter { $0 }.count
      #expect(changed == old.count + new.count - 2 * longestCommonSubsequence(old, new))
    }
  }

  @Test func cuttingAtUniqueAnchorsStillGivesAValidDiff() {
    var random = SplitMix64(seed: 11)
    for _ in 0..<300 {
      let old = (0..<Int.random(in: 0...200, using: &random)).map { _ in
        Int32.random(in: 0..<60, using: &random)
      }
      let new = RandomProse.edited(old, pool: Array(0..<60), using: &random)

      let diff = SequenceDiff(old: old, new: new, symbolCount: 60, exactLimit: 8)

      #expect(kept(old, diff.deleted) == kept(new, diff.inserted))
    }
  }

  @Test func aSearchCutShortStillGivesAValidDiffNotFarFromMinimal() {
    var random = SplitMix64(seed: 13)
    for _ in 0..<300 {
      let old = (0..<Int.random(in: 0...120, using: &random)).map { _ in
        Int32.random(in: 0..<8, using: &random)
      }
      let new = (0..<Int.random(in: 0...120, using: &random)).map { _ in
        Int32.random(in: 0..<8, using: &random)
      }

      let diff = SequenceDiff(old: old, new: new, symbolCount: 8, maximumCost: 2)

      #expect(kept(old, diff.deleted) == kept(new, diff.inserted))
      let changed = diff.deleted.filter { $0 }.count + diff.inserted.filter { $0 }.count
      let minimal = old.count + new.count - 2 * longestCommonSubsequence(old, new)
      #expect(changed <= 2 * max(minimal, 1))
    }
  }

  @Test func aLineDiffHasHunksWithContextAndNotesAMissingFinalNewline() {
    let old = (1...10).map { "line \($0)\n" }.joined()
    let new = old.replacingOccurrences(of: "line 2\n", with: "line two\n") + "line 11"

    let patch = UnifiedDiff.text(old: old, new: new, oldLabel: "a/x.md", newLabel: "b/x.md")

    #expect(
      patch == """
        --- a/x.md
        +++ b/x.md
        @@ -1,5 +1,5 @@
         line 1
        -line 2
        +line two
         line 3
         line 4
         line 5
        @@ -8,3 +8,4 @@
         line 8
         line 9
         line 10
        +line 11
        \\ No newline at end of file

        """)
    #expect(UnifiedDiff.text(old: old, new: old, oldLabel: "a", newLabel: "b") == "")
  }

  private func kept(_ symbols: [Int32], _ changed: [Bool]) -> [Int32] {
    zip(symbols, changed).filter { !$0.1 }.map(\.0)
  }

  private func longestCommonSubsequence(_ a: [Int32], _ b: [Int32]) -> Int {
    var row = [Int](repeating: 0, count: b.count + 1)
    for x in a {
      var diagonal = 0
      for (j, y) in b.enumerated() {
        let above = row[j + 1]
        row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
        diagonal = above
      }
    }
    return row[b.count]
  }
}

/// A small seeded generator, so a failing random case can be replayed.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random prose for property tests: words and punctuation, edited and laid out in random ways.
enum RandomProse {
  static let vocabulary = [
    "Glenn", "storage", "engineer", "at", "NERSC", "the", "a", "AI", "well-known", "don’t", ",",
    ".", "“", "”", "(", ")", "*", "-", "#", "1,000", "é", "supercomputers", "[link](https://x.y)",
  ]

  static func words<R: RandomNumberGenerator>(count: Int, using random: inout R) -> [String] {
    (0..<count).map { _ in vocabulary.randomElement(using: &random)! }
  }

  /// A copy of `items` with a few random insertions, deletions and substitutions drawn from `pool`.
  static func edited<T, R: RandomNumberGenerator>(
    _ items: [T], pool: [T], using random: inout R
  ) -> [T] {
    var result = items
    for _ in 0..<Int.random(in: 0...5, using: &random) {
      let item = pool[Int.random(in: 0..<pool.count, using: &random)]
      switch Int.random(in: 0..<3, using: &random) {
      case 0 where !result.isEmpty:
        result.remove(at: Int.random(in: 0..<result.count, using: &random))
      case 1 where !result.isEmpty:
        result[Int.random(in: 0..<result.count, using: &random)] = item
      default:
        result.insert(item, at: Int.random(in: 0...result.count, using: &random))
      }
    }
    return result
  }

  /// `words` joined by random layout: spaces, line breaks, blank lines, blockquote markers, indentation.
  static func laidOut<R: RandomNumberGenerator>(_ words: [String], using random: inout R) -> String
  {
    let separators = [" ", " ", " ", "\n", "\n> ", "\n\n", "  ", "\n  ", "\t"]
    var text = Bool.random(using: &random) ? "> " : ""
    for (index, word) in words.enumerated() {
      if index > 0 { text += separators.randomElement(using: &random)! }
      text += word
    }
    if Bool.random(using: &random) { text += "\n" }
    return text
  }
}

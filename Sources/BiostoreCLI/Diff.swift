import ArgumentParser
import BioStore
import Foundation
import ProseDiff

extension Biostore {
  /// `biostore diff`: what changed in the wording between two versions.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diff",
      abstract: "Show what changed in the wording between two versions.",
      discussion: """
        Each side is a version (VARIANT, VARIANT@DATE, VARIANT@ENGAGEMENT, …) or an engagement \
        (@NAME, or a bare NAME when no variant has that name): two engagements are compared \
        variant by variant, and a variant only one of them got is named. Prose is compared word \
        by word; re-wrapping, indentation and blockquote markers are layout, not change. The output is the newer text with deletions and insertions marked: \
        coloured on a terminal, else [-deleted-]{+inserted+}. Counts are words holding a \
        changed word or punctuation mark. With --exit-code, exits 1 when the wording differs. \
        --format writes the redline as a document: docx (Word tracked changes, by pandoc), html \
        (one self-contained page) or pdf (that page printed by headless Chromium), to -o FILE.
        """)

    @ParentCommand var root: Biostore

    @Argument(
      help: ArgumentHelp("The older version, e.g. biosketch@2023-12-31.", valueName: "spec"),
      completion: Completions.specs)
    var old: String

    @Argument(
      help: ArgumentHelp("The newer version, e.g. biosketch.", valueName: "spec"),
      completion: Completions.specs)
    var new: String

    @Flag(help: "Print only the words added and removed, and the word counts before and after.")
    var stat = false

    @Flag(help: "Print a unified line diff instead, for patch tools.")
    var lines = false

    @Flag(help: "Print one JSON document.")
    var json = false

    @Option(
      help: ArgumentHelp(
        "Show only changed paragraphs and this many around each (with --lines: context lines).",
        valueName: "n"))
    var context: Int?

    @Flag(name: .customLong("exit-code"), help: "Exit 1 when the wording differs, 0 when not.")
    var exitCode = false

    @Option(
      help: ArgumentHelp(
        "Write the redline as a document: docx, html or pdf (with -o FILE).", valueName: "format"))
    var format: DocumentFormat?

    @Option(
      name: [.customShort("o"), .customLong("output")],
      help: ArgumentHelp("The new file to write the document to.", valueName: "file"))
    var output: String?

    @Flag(
      name: .customLong("no-color"),
      help: "Mark changes as [-deleted-]{+inserted+} even on a terminal.")
    var noColor = false

    func validate() throws {
      if [stat, lines, json].filter({ $0 }).count > 1 {
        throw ValidationError("--stat, --lines and --json cannot be combined; choose one")
      }
      if let context, context < 0 { throw ValidationError("--context must be 0 or more") }
      try DocumentFormat.validate(
        format, output: output, allowed: [.docx, .html, .pdf],
        others: [
          ("--stat", stat), ("--lines", lines), ("--json", json), ("--context", context != nil),
        ])
    }

    func run() throws {
      let store = try root.openStore()
      let diffs = try store.diff(
        from: try DiffOperand(parsing: old), to: try DiffOperand(parsing: new))
      if let format {
        try DocumentFormat.deliver(
          try store.document(of: diffs, old: old, new: new, as: format), to: output)
      } else if json {
        try Console.printJSON(diffs)
      } else {
        for (index, diff) in diffs.enumerated() {
          if index > 0 && !stat && !lines { Console.write("\n") }
          print(diff, headed: diffs.count > 1)
        }
      }
      if exitCode && diffs.contains(where: { $0.prose.changesWording }) { throw ExitCode(1) }
    }

    private func print(_ diff: VariantDiff, headed: Bool) {
      let name = diff.variant.rawValue
      if !lines, diff.from == nil || diff.to == nil {
        let (has, lacks, version) =
          diff.to.map { (new, old, $0) } ?? (old, new, diff.from)
        let words = (diff.to == nil ? diff.prose.old : diff.prose.new).wordCount
        let detail =
          version.map {
            "as of \($0.date.day), \($0.id.short), \(CountingRule.words.describe(words))"
          } ?? ""
        return Console.write(
          (headed && !stat ? "== \(name) ==\n" : "")
            + "\(name) is only in \(has) (\(detail)), not in \(lacks)\n")
      }
      if stat {
        let prose = diff.prose
        return Console.write(
          "\(name)  +\(prose.added) −\(prose.removed) words  "
            + "(\(prose.old.wordCount) → \(prose.new.wordCount) words)\n")
      }
      if lines {
        let fileName = diff.variant.fileName
        return Console.write(
          UnifiedDiff.text(
            old: diff.prose.old.text, new: diff.prose.new.text,
            oldLabel: diff.from == nil
              ? "/dev/null" : "a/\(diff.from?.variant.fileName ?? fileName)",
            newLabel: diff.to == nil ? "/dev/null" : "b/\(fileName)", context: context ?? 3))
      }
      if headed { Console.write("== \(name) ==\n") }
      guard diff.prose.changesWording else {
        return Console.write(
          diff.prose.changesText ? "no change in wording; layout only\n" : "no change in wording\n")
      }
      var text = diff.prose.redline(style, context: context)
      if !text.hasSuffix("\n") { text += "\n" }
      Console.write(text)
    }

    /// Colour only for a terminal that wants it (https://no-color.org).
    private var style: RedlineStyle {
      let environment = ProcessInfo.processInfo.environment
      let wantsColor =
        !noColor && isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty
        && environment["TERM"] != "dumb"
      return wantsColor ? .color : .plain
    }
  }
}

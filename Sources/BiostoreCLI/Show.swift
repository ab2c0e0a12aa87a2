import ArgumentParser
import BioStore
import ProseDiff

extension Biostore {
  /// `biostore show`: prints the text of the version a spec names.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Print one version's text.",
      discussion: """
        SPEC is VARIANT (the latest), VARIANT@DATE (the latest on or before the end of that day, \
        month or year), VARIANT@COMMIT (7+ hex digits), and any of these followed by ~N (N \
        versions earlier). --format writes it as a document: docx (by pandoc, its Markdown \
        formatting kept), html (one self-contained page) or txt (plain text without Markdown \
        markers, a paragraph to a line, to paste into web forms; by pandoc).
        """)

    @ParentCommand var root: Biostore

    @Argument(
      help: ArgumentHelp("The version, e.g. biosketch@2023-12-31.", valueName: "spec"),
      completion: Completions.specs)
    var spec: String

    @Flag(help: "Print one JSON document.")
    var json = false

    @Option(
      help: ArgumentHelp(
        "Write the version as a document: docx (with -o FILE), html or txt.", valueName: "format"))
    var format: DocumentFormat?

    @Option(
      name: [.customShort("o"), .customLong("output")],
      help: ArgumentHelp("The new file to write the document to.", valueName: "file"))
    var output: String?

    func validate() throws {
      try DocumentFormat.validate(
        format, output: output, allowed: [.docx, .html, .txt], others: [("--json", json)])
    }

    func run() throws {
      let spec = try Spec(parsing: spec)
      let store = try root.openStore()
      // The latest text, the read people repeat, is kept for the tip it was read at.
      if spec.selector == .latest && spec.stepsBack == 0 && format == nil && !json {
        return Console.write(bytes: try store.latestText(of: spec.variant))
      }
      let version = try store.version(spec)
      if let format {
        return try DocumentFormat.deliver(try store.document(of: version, as: format), to: output)
      }
      guard json else { return Console.write(bytes: try store.bytes(of: version)) }
      // JSON holds Unicode text, so a file that is not UTF-8 shows U+FFFD where plain `show` gives its bytes.
      let text = try store.text(of: version)
      try Console.printJSON(
        ShownVersion(
          variant: version.variant.rawValue, id: version.id.hex, date: version.date.rfc3339,
          message: version.message, words: ProseText(text).wordCount, text: text))
    }
  }

  /// The JSON `show --json` prints.
  struct ShownVersion: Encodable {
    let variant, id, date, message: String
    let words: Int
    let text: String
  }
}

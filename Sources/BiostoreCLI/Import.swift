import ArgumentParser
import BioStore
import Foundation

extension Biostore {
  /// `biostore import`: brings bios in from a folder in the export format.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import a folder written by `biostore export`, or one file as a version.",
      discussion: """
        A folder: every version keeps its as-of date and message; engagements become tags. A \
        store that already has one of the folder's variants or engagements is refused unless \
        --append, which adds only versions newer than each variant's latest and engagements it \
        lacks. A file: its text (or the part --section and --quote pick) is saved as a version \
        of --variant, as `save` would.
        """)

    @ParentCommand var root: Biostore

    @Argument(
      help: ArgumentHelp("The folder or file to import.", valueName: "source"), completion: .file())
    var source: String

    @Flag(help: "With a folder: add only what is newer than the store's own versions.")
    var append = false

    @Option(
      help: "With a file: the variant to save it as, e.g. biosketch.",
      completion: Completions.variants)
    var variant: String?

    @Option(
      help: ArgumentHelp(
        "With a file: take only the part under this Markdown heading.", valueName: "heading"))
    var section: String?

    @Flag(
      help: "With a file: take only the blockquote lines (inside the section), without their '>'.")
    var quote = false

    @Option(help: ArgumentHelp("With a file: the as-of date (default: now).", valueName: "when"))
    var date: String?

    @Flag(help: "With a file: allow an as-of date more than a day in the future.")
    var future = false

    @Option(name: .shortAndLong, help: "With a file: the version's note.")
    var message: String?

    func run() throws {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        guard variant == nil, section == nil, !quote, date == nil, message == nil, !future else {
          throw ValidationError(
            "--variant, --section, --quote, --date, --future and -m go with a file; a folder brings its own"
          )
        }
        let summary = try root.openStore().importFolder(
          source, append: append)
        return print("Imported \(Report.transfer(summary)) from \(source.escapedForOneLine)")
      }
      var status = stat()
      guard lstat(source, &status) == 0 else {
        if errno == ENOENT {
          throw ValidationError(
            "there is no file or folder \(source.escapedForOneLine); give a folder written by `biostore export`, or a file with --variant"
          )
        }
        throw StoreError.unreadableFile(path: source, reason: String(cString: strerror(errno)))
      }
      guard let variant else {
        throw ValidationError("name the variant to save \(source) as, with --variant")
      }
      let name = try VariantName(variant)
      let date = try date.map { try DateInput(parsing: $0) }
      let store = try root.openStore()
      let outcome = try store.importFile(
        source, into: name, extraction: TextExtraction(heading: section, quoteOnly: quote),
        message: message, date: date, allowingFuture: future)
      try Report.print(outcome, of: store)
    }
  }
}

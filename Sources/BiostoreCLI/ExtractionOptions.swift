import ArgumentParser
import BioStore

extension Biostore {
  /// The options `import` and `import-git` share: the variant, and which part of the file to take.
  struct ExtractionOptions: ParsableArguments {
    @Option(
      help: "The variant to record the text as, e.g. biosketch.", completion: Completions.variants)
    var variant: String

    @Option(
      help: ArgumentHelp("Take only the part under this Markdown heading.", valueName: "heading"))
    var section: String?

    @Flag(help: "Take only the blockquote lines (inside the section), without their '>'.")
    var quote = false

    /// The extraction these options ask for.
    var extraction: TextExtraction { TextExtraction(heading: section, quoteOnly: quote) }
  }
}

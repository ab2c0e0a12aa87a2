import ArgumentParser
import BioStore

extension Biostore {
  /// `biostore engagements`: every engagement by date, with the versions it was sent.
  struct Engagements: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "engagements",
      abstract: "List engagements by date: name, title, venue, and each version sent.")

    @ParentCommand var root: Biostore

    @Option(
      help: "Only engagements sent a version of this variant.", completion: Completions.variants)
    var variant: String?

    @Option(help: ArgumentHelp("Only engagements dated on or after this date.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only engagements dated on or before this date.", valueName: "date"))
    var until: String?

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
      // The plain listing, the one people repeat, is kept for the engagement tags it was made for.
      if variant == nil && since == nil && until == nil && !json {
        let listing = try root.openStore().engagementsListing()
        for warning in listing.warnings { Console.warn(warning) }
        guard listing.count > 0 else {
          return Console.note("no engagements to list; record one with `biostore tag NAME VARIANT`")
        }
        return Console.write(listing.text)
      }
      let variant = try variant.map { try VariantName($0) }
      try DateInput.checkRange(since: since, until: until)
      let since = try since.map { try DateInput(parsing: $0) }
      let until = try until.map { try DateInput(parsing: $0) }
      let listing = try root.openStore().engagements(
        sentVersionOf: variant, since: since, until: until)
      for warning in listing.warnings { Console.warn(warning) }
      if json { return try Console.printJSON(listing.engagements) }
      guard !listing.engagements.isEmpty else {
        let dated = since != nil || until != nil ? " dated in that range" : ""
        if let variant {
          return Console.note(
            "no engagement\(dated) was sent a version of \(variant); `biostore engagements` lists them all"
          )
        }
        if !dated.isEmpty {
          return Console.note("no engagement is\(dated); `biostore engagements` lists them all")
        }
        return Console.note("no engagements to list; record one with `biostore tag NAME VARIANT`")
      }
      for engagement in listing.engagements {
        print(engagement.lines().joined(separator: "\n"))
      }
    }
  }
}

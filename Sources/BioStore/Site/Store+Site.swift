import Foundation
import Git
import ProseDiff

extension Store {
  /// The most versions a variant may have for the site to compare every two of them; a longer history compares each version with the one before it and with the latest.
  public static let siteComparesAllPairsUpTo = 40

  /// Writes a static site of the whole store to the new folder `destination`: an index of variants, each variant's timeline, a page per version (its text and the redline against the one before), pages comparing two versions, and the engagements.
  ///
  /// Plain HTML with the style sheet inline, no script and no server: every page opens from disk.
  /// The folder is written beside `destination` under a temporary name and renamed into place,
  /// as `export` writes, so a failure leaves nothing behind.
  public func writeSite(to destination: String) throws(StoreError) -> SiteSummary {
    let path = try ExportScratch.checkNewFolder(destination)
    var builder = SiteBuilder()
    let listing = try engagements()
    builder.engagements = listing.engagements
    let variants = try searchedVariants(includingRetired: true)
    let shown = Set(variants.map(\.variant))
    for (variant, history) in variants {
      try builder.addVariant(variant, history: history, store: self)
    }
    for variant in try index.variants() where !shown.contains(variant) {
      if let renamed = try index.history(of: variant).renamedTo {
        builder.renamed.append((variant, renamed.variant, renamed.event.date))
      }
    }
    let pages = builder.finish()
    try ExportScratch.writeFolder(
      pages.map { ($0.path, Array($0.html.utf8)) }, to: path, privateDirectory: privateDirectory)
    return builder.summary
  }

  /// The redline between two versions as paragraphs of HTML.
  func redlineHTML(from old: Version, to new: Version) throws(StoreError) -> String {
    let prose = try compare(old, new, as: new.variant).prose
    guard prose.changesWording else {
      return "<p class=\"meta\">No change in wording"
        + (prose.changesText ? " (layout only)" : "") + ".</p>\n"
    }
    return "<p class=\"meta\">+\(prose.added) −\(prose.removed) words</p>\n"
      + HTMLWriter.paragraphs(
        RedlineDocument.paragraphs(of: prose.redlineSegments(spacingInside: true)),
        author: try author(of: new), date: new.date)
  }

  /// A version's text as paragraphs of HTML.
  func textHTML(of version: Version) throws(StoreError) -> String {
    HTMLWriter.paragraphs(RedlineDocument.paragraphs(ofText: try text(of: version)))
  }
}

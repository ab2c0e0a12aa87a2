import ArgumentParser
import BioStore
import Foundation

extension Biostore {
  /// `biostore undo`: takes back the newest biostore write, saying exactly what it took back.
  struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "undo",
      abstract:
        "Take back the last biostore write (save, tag, rm, mv, insert, amend, untag, import).",
      discussion: """
        Every reference the write moved goes back where it was, and the work tree follows. Nothing \
        is lost: the tip and tags the undo replaces are kept under refs/biostore/replaced/ \
        (`git log --all` shows them). Run it again to take back the write before. The log of \
        writes keeps the last 100.
        """)

    @ParentCommand var root: Biostore

    @Flag(
      help: "Rewrite commits a remote already has (refused without it: other copies would diverge)."
    )
    var rewriteShared = false

    func run() throws {
      let outcome = try root.openStore().undo(rewritingShared: rewriteShared)
      print("Took back “\(outcome.summary)” (recorded \(outcome.recordedAt.rfc3339))")
      for commit in outcome.commits {
        let variants = commit.variants.map(\.rawValue).joined(separator: ", ")
        print(
          "    \(commit.id.short)  \(commit.date.rfc3339)  \(variants.isEmpty ? "-" : variants)  \(commit.subject.escapedForOneLine)"
        )
      }
      if outcome.rewroteLine, let tip = outcome.branchTip {
        print("    the line is back as it was before the rewrite (tip \(tip.short))")
      }
      // A rewrite can re-point a hundred engagements: a few are named, the rest counted.
      for change in [UndoOutcome.EngagementChange.removed, .restored, .returned] {
        let names = outcome.engagements.filter { $0.change == change }.map(\.name)
        guard !names.isEmpty else { continue }
        let shown =
          names.count <= 4
          ? names.joined(separator: ", ")
          : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
        let noun = names.count == 1 ? "engagement" : "engagements"
        switch change {
        case .removed: print("    \(noun) \(shown) removed")
        case .restored: print("    \(noun) \(shown) back to the earlier record")
        case .returned: print("    \(noun) \(shown) back")
        }
      }
      if let kept = outcome.keptTip {
        print("The undone line is kept as \(kept).")
      }
    }
  }
}

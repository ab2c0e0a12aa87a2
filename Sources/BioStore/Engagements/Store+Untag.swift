import Git

extension Store {
  /// Retires engagement `name`: its tag is kept under `refs/biostore/replaced/NAME/N` first, then deleted, as one journaled write; `undo` brings it back. Returns where it is kept.
  public func untag(_ name: EngagementName) throws(StoreError) -> String {
    try withWriterLock { (writer) throws(StoreError) -> String in
      guard let target = try engagementReader.target(of: name) else {
        throw .unknownEngagement(
          name.rawValue, known: try engagementReader.names().map(\.rawValue))
      }
      let kept = try nextReplacedName(under: name.replacedPrefix)
      // The note that this store retired this very record goes in the same write, so `undo`
      // takes it back with the tag.
      var journal = WriteJournal(
        changes: [],
        references: [
          WriteJournal.ReferenceMove(name: kept, old: nil, new: target),
          WriteJournal.ReferenceMove(
            name: name.retiredReference, old: try referenceTarget(name.retiredReference),
            new: target),
        ])
      journal.deletions = [WriteJournal.ReferenceDeletion(name: name.referenceName, old: target)]
      try writer.record(journal, summary: "untag \(name)")
      return kept
    }
  }
}

import Yams

// `events.yaml`: the removals and renames that version files alone cannot show.

extension ExportFolder {
  /// A removal or rename of a variant's file: `renamedTo` nil for a removal.
  struct Event: Equatable {
    /// The variant removed, or renamed away from.
    var variant: VariantName
    /// The variant's new name, for a rename.
    var renamedTo: VariantName?
    /// When it happened.
    var date: Timestamp
    /// Its commit message.
    var message: String
    /// `VARIANT/FILE` of the newest version before it of each variant it names, where there is one.
    var after: [String] = []
  }

  /// The events file's contents, or nil when there are no events (an export without removals or renames is as before).
  func eventsContents() throws(StoreError) -> String? {
    guard !events.isEmpty else { return nil }
    let entries = events.map { event in
      var pairs: [(Node, Node)] =
        event.renamedTo.map {
          [(Node("renamed"), Node(event.variant.rawValue)), (Node("to"), Node($0.rawValue))]
        }
        ?? [(Node("removed"), Node(event.variant.rawValue))]
      pairs.append((Node("date"), Node(event.date.rfc3339)))
      pairs.append(
        (
          Node("message"),
          Node(event.message, .implicit, event.message.contains("\n") ? .literal : .any)
        ))
      if !event.after.isEmpty {
        pairs.append((Node("after"), Node(event.after.map { Node($0) })))
      }
      return Node(pairs)
    }
    return "# Each variant removed or renamed, oldest first, with its date and message.\n"
      + (try ExportFolder.yaml(Node(entries)))
  }

  /// The removals and renames `events.yaml` lists, checked.
  func readEvents(_ contents: String, at path: String) throws(StoreError) -> [Event] {
    let root: Node?
    do {
      root = try compose(yaml: contents)
    } catch {
      throw .badExport(path: path, reason: "it is not YAML: \(YAMLProblem.describe(error))")
    }
    guard let root else { return [] }
    guard let list = root.sequence else {
      throw .badExport(path: path, reason: "it must be a list of removals and renames")
    }
    var events: [Event] = []
    for (index, item) in list.enumerated() {
      let label = "event \(index + 1)"
      let renamed = item["renamed"]?.string
      guard let variantText = renamed ?? item["removed"]?.string,
        let variant = try? VariantName(variantText)
      else {
        throw .badExport(path: path, reason: "\(label) needs `removed: VARIANT` or `renamed: OLD`")
      }
      var renamedTo: VariantName?
      if renamed != nil {
        guard let to = item["to"]?.string.flatMap({ try? VariantName($0) }) else {
          throw .badExport(path: path, reason: "\(label) renames \(variant) but needs `to: NEW`")
        }
        renamedTo = to
      }
      try ExportFolder.checkKeys(
        of: item,
        known: (renamed == nil ? ["removed"] : ["renamed", "to"]) + ["date", "message", "after"],
        at: path, in: nil)
      guard let dateText = item["date"]?.string,
        case .instant(let date)? = try? DateInput(parsing: dateText)
      else {
        throw .badExport(path: path, reason: "\(label) needs a date in RFC 3339 with an offset")
      }
      // `after:` names a file or a list of them; each must be a version file of a variant the event names.
      let afterNode = item["after"]
      let after =
        afterNode?.sequence.map { $0.map(\.string) } ?? afterNode.map { [$0.string] } ?? []
      let named = [variant, renamedTo].compactMap { $0?.rawValue }
      var files: [String] = []
      for file in after {
        let parts = file?.split(separator: "/", maxSplits: 1).map(String.init) ?? []
        guard parts.count == 2, named.contains(parts[0]),
          let owner = try? VariantName(parts[0]),
          versions[owner]?.contains(where: { $0.fileName == parts[1] }) == true, let file
        else {
          throw .badExport(
            path: path,
            reason:
              "\(label)'s `after:` must name version files (VARIANT/FILE) of \(named.joined(separator: " or ")) in the folder"
          )
        }
        files.append(file)
      }
      events.append(
        Event(
          variant: variant, renamedTo: renamedTo, date: date,
          message: try ExportFolder.text("message", in: item, at: path) ?? "", after: files))
    }
    return events
  }

}

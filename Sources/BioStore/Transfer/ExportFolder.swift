import Foundation
import Yams

/// The plain-text form of a store that a person can read and another tool can write.
///
/// ```
/// DIR/
///   biosketch/
///     2019-12-02T09-00-00-08-00.md      one file per version, named by its as-of date
///     2024-04-08T13-12-18-07-00.md
///     2024-04-08T13-12-18-07-00_2.md    a second version in the same second
///   engagements.yaml
///   events.yaml                         removals and renames (ExportFolder+Events.swift)
/// ```
///
/// A version file is YAML front matter (`date`, RFC 3339 with an offset, and `message`) between
/// `---` lines, then the text exactly. Names are the as-of date as shown in `history` with `-` for
/// `:` so they sort by date; a tie in the same second takes `_2`, `_3`, … `engagements.yaml` lists
/// each engagement's name, title, date, venue, note, limit and the file of each version sent.
/// `events.yaml`, present when the store had any, lists each removal (`removed: V`) and rename
/// (`renamed: OLD`, `to: NEW`) in the order they happened, with its date, message and `after:` the
/// version files of the variants it names that came before it (so ties in one second keep order).
struct ExportFolder {
  /// One version file.
  struct VersionFile: Equatable {
    /// The variant, from the folder's name.
    var variant: VariantName
    /// The file's name in the variant's folder.
    var fileName: String
    /// The as-of date.
    var date: Timestamp
    /// The commit message ("" when the file gives none).
    var message: String
    /// The text's bytes.
    var bytes: [UInt8]
  }

  /// One entry of `engagements.yaml`.
  struct EngagementEntry: Equatable {
    var name: EngagementName
    var title: String
    var date: CivilDate
    var venue: String?
    var note: String
    var limit: LengthLimit?
    /// Each variant sent, with the file name of the version in its folder.
    var sent: [(variant: VariantName, fileName: String)]

    static func == (lhs: EngagementEntry, rhs: EngagementEntry) -> Bool {
      (lhs.name, lhs.title, lhs.date, lhs.venue, lhs.note, lhs.limit)
        == (rhs.name, rhs.title, rhs.date, rhs.venue, rhs.note, rhs.limit)
        && lhs.sent.map(\.variant) == rhs.sent.map(\.variant)
        && lhs.sent.map(\.fileName) == rhs.sent.map(\.fileName)
    }
  }

  /// The engagements file's name.
  static let engagementsFile = "engagements.yaml"
  /// The removals-and-renames file's name.
  static let eventsFile = "events.yaml"
  /// The removals and renames, oldest first.
  var events: [Event] = []

  /// Every variant's versions, oldest first.
  var versions: [VariantName: [VersionFile]] = [:]
  /// The engagements, in file order.
  var engagements: [EngagementEntry] = []

  /// An empty folder model, filled by an export.
  init() {}

  /// The name of a version file: the as-of date in its own offset with `-` for `:`, and `_N` for the Nth version in one second.
  static func fileName(for date: Timestamp, sequence: Int) -> String {
    date.rfc3339.replacingOccurrences(of: ":", with: "-") + (sequence > 1 ? "_\(sequence)" : "")
      + ".md"
  }

  /// A version file's contents: front matter, then the text exactly.
  static func contents(of version: VersionFile) throws(StoreError) -> [UInt8] {
    let messageStyle: Node.Scalar.Style = version.message.contains("\n") ? .literal : .any
    let frontMatter = Node([
      (Node("date"), Node(version.date.rfc3339)),
      (Node("message"), Node(version.message, .implicit, messageStyle)),
    ])
    return Array("---\n\(try yaml(frontMatter))---\n".utf8) + version.bytes
  }

  /// The engagements file's contents.
  func engagementsContents() throws(StoreError) -> String {
    let entries = engagements.map { entry in
      var pairs: [(Node, Node)] = [
        (Node("name"), Node(entry.name.rawValue)), (Node("title"), Node(entry.title)),
        (Node("date"), Node(entry.date.description)),
      ]
      if let venue = entry.venue { pairs.append((Node("venue"), Node(venue))) }
      if !entry.note.isEmpty {
        pairs.append(
          (Node("note"), Node(entry.note, .implicit, entry.note.contains("\n") ? .literal : .any)))
      }
      if let limit = entry.limit {
        // A plain number for biostore's own words, as before; the short form for another rule.
        pairs.append(
          (Node("limit"), Node(limit.rule == .words ? String(limit.count) : limit.shortForm)))
      }
      pairs.append(
        (Node("variants"), Node(entry.sent.map { (Node($0.variant.rawValue), Node($0.fileName)) })))
      return Node(pairs)
    }
    return
      "# What each engagement was sent: variant: the version's file in that variant's folder.\n"
      + (entries.isEmpty ? "[]\n" : try ExportFolder.yaml(Node(entries)))
  }

  static func yaml(_ node: Node) throws(StoreError) -> String {
    do {
      return try serialize(node: node, width: -1, allowUnicode: true)
    } catch {
      throw .storage("cannot write YAML (\(error))")
    }
  }
}

import Git

/// Builds the pages of a store's static site, variant by variant, then the index and the engagements page.
struct SiteBuilder {
  /// What a variant's timeline shows of one version.
  struct Row {
    let version: Version
    let words: Int
    let page: String
  }

  /// The engagements, for their page and for the markers on each timeline.
  var engagements: [Engagement] = []
  /// Names renamed away, with the name they became and when, for the index.
  var renamed: [(from: VariantName, to: VariantName, date: Timestamp)] = []
  private(set) var summary = SiteSummary()
  private var pages: [SitePage] = []
  /// Index rows: a variant, its latest version, how many versions, and when it was removed.
  private var variantRows: [(VariantName, Row, Int, Timestamp?)] = []
  /// The page of each version, by commit and the variant name it had there.
  private var pageOf: [String: String] = [:]
  /// Each redline made, by its two commits: a version's page and the comparison with the version
  /// before it show the same one, which is compared (and its author read) once.
  private var redlines: [String: String] = [:]

  /// Adds the timeline, version pages and comparisons of `variant`.
  mutating func addVariant(_ variant: VariantName, history: VariantHistory, store: Store)
    throws(StoreError)
  {
    let folder = variant.rawValue
    let versions = history.versions
    guard !versions.isEmpty else { return }
    var rows: [Row] = []
    for indexed in versions {
      let version = indexed.version
      let row = Row(version: version, words: indexed.words, page: "\(version.id.hex).html")
      rows.append(row)
      pageOf[SiteBuilder.key(version)] = "\(folder)/\(row.page)"
    }
    let sentTo = sentNames(variant: variant, rows: rows)
    // Which pairs get a page: all of them for a short history, else each with the latest.
    let comparesAll = rows.count <= Store.siteComparesAllPairsUpTo
    func comparison(_ older: Row, _ newer: Row) -> String {
      "\(older.version.id.hex)..\(newer.version.id.hex).html"
    }
    for (index, row) in rows.enumerated() {
      let before = index + 1 < rows.count ? rows[index + 1] : nil
      var body = nav(depth: 1, variant: variant)
      body += "<h1>\(e(variant.rawValue)), as of \(e(row.version.date.rfc3339))</h1>\n"
      body += meta(row, sentTo: sentTo[row.version.id] ?? [], depth: 1)
      body += "<h2>Text</h2>\n" + (try store.textHTML(of: row.version))
      if let before {
        body +=
          "<h2>Changes since <a href=\"\(before.page)\">\(e(before.version.date.rfc3339))</a></h2>\n"
          + (try redline(from: before.version, to: row.version, store: store))
      } else {
        body += "<p class=\"meta\">The first version.</p>\n"
      }
      let others = rows.indices.filter { other in
        other != index && (comparesAll || other == 0 || index == 0)
      }
      if !others.isEmpty {
        body += "<h2>Compare with</h2>\n<ul class=\"compare\">\n"
        for other in others {
          let (older, newer) = other > index ? (rows[other], row) : (row, rows[other])
          body +=
            "<li><a href=\"\(comparison(older, newer))\">\(e(rows[other].version.date.rfc3339))</a> "
            + "\(e(rows[other].version.summary))</li>\n"
        }
        body += "</ul>\n"
      }
      add("\(folder)/\(row.page)", title: "\(variant) as of \(row.version.date.day)", body: body)
      summary.versions += 1
    }
    for newerIndex in rows.indices {
      for olderIndex in rows.indices where olderIndex > newerIndex {
        guard comparesAll || newerIndex == 0 else { continue }
        let (older, newer) = (rows[olderIndex], rows[newerIndex])
        var body = nav(depth: 1, variant: variant)
        body +=
          "<h1>\(e(variant.rawValue)): <a href=\"\(older.page)\">\(e(older.version.date.day))</a> → "
          + "<a href=\"\(newer.page)\">\(e(newer.version.date.day))</a></h1>\n"
          + "<p class=\"legend\"><del>deleted</del> and <ins>inserted</ins> words are marked; re-wrapping is not a change.</p>\n"
          + (try redline(from: older.version, to: newer.version, store: store))
        add(
          "\(folder)/\(comparison(older, newer))",
          title: "\(variant): \(older.version.date.day) → \(newer.version.date.day)", body: body)
        summary.comparisons += 1
      }
    }
    pages.append(timeline(variant, history: history, rows: rows, sentTo: sentTo))
    summary.variants += 1
    variantRows.append((variant, rows[0], rows.count, history.removal.map(\.date)))
  }

  /// The index, the engagements page and every page added, in that order.
  mutating func finish() -> [SitePage] {
    var body = "<h1>Bios</h1>\n<nav><a href=\"engagements.html\">Engagements</a></nav>\n"
    body +=
      "<table class=\"variants\">\n<tr><th>Variant</th><th>Latest version</th><th>Words</th><th>Versions</th></tr>\n"
    for (variant, latest, count, removed) in variantRows {
      body +=
        "<tr><td><a href=\"\(variant)/index.html\">\(e(variant.rawValue))</a>"
        + (removed.map { " <span class=\"event\">removed \(e($0.day))</span>" } ?? "")
        + "</td><td>\(e(latest.version.date.rfc3339))</td><td>\(latest.words)</td><td>\(count)</td></tr>\n"
    }
    body += "</table>\n"
    if !renamed.isEmpty {
      body += "<h2>Renamed</h2>\n<ul class=\"renamed\">\n"
      for (from, to, date) in renamed {
        body +=
          "<li>\(e(from.rawValue)) → <a href=\"\(to)/index.html\">\(e(to.rawValue))</a> on \(e(date.day))</li>\n"
      }
      body += "</ul>\n"
    }
    var all = [SitePage(path: "index.html", html: HTMLWriter.page(title: "Bios", body: body))]
    all.append(engagementsPage())
    all += pages
    summary.pages = all.count
    return all
  }

  /// A variant's timeline, newest first: each version with its date, words, message and the engagements sent it, and the removals and renames where they happened.
  private func timeline(
    _ variant: VariantName, history: VariantHistory, rows: [Row], sentTo: [ObjectID: [String]]
  ) -> SitePage {
    var body = nav(depth: 1, variant: nil)
    body += "<h1>\(e(variant.rawValue))</h1>\n"
    body +=
      "<p class=\"meta\">\(rows.count) version\(rows.count == 1 ? "" : "s"); the latest has \(rows[0].words) words.</p>\n"
    body +=
      "<table class=\"timeline\">\n<tr><th>As of</th><th>Words</th><th>Message</th><th>Sent to</th></tr>\n"
    var byID: [ObjectID: Row] = [:]
    for row in rows { byID[row.version.id] = row }
    for item in history.items {
      switch item {
      case .version(let indexed):
        guard let row = byID[indexed.version.id] else { continue }
        let name =
          row.version.variant == variant
          ? "" : " <span class=\"event\">(as \(e(row.version.variant.rawValue)))</span>"
        body +=
          "<tr class=\"version\"><td><a href=\"\(row.page)\">\(e(row.version.date.rfc3339))</a></td>"
          + "<td>\(row.words)</td><td>\(e(row.version.summary))\(name)</td><td>"
          + markers(sentTo[row.version.id] ?? [], depth: 1) + "</td></tr>\n"
      case .removed(let name, let removal, _):
        body +=
          "<tr class=\"event\"><td>\(e(removal.date.rfc3339))</td><td></td><td>\(e(name.rawValue)) removed</td><td></td></tr>\n"
      case .renamed(let from, let to, let event, _):
        body +=
          "<tr class=\"event\"><td>\(e(event.date.rfc3339))</td><td></td><td>renamed \(e(from.rawValue)) to \(e(to.rawValue))</td><td></td></tr>\n"
      }
    }
    body += "</table>\n"
    return SitePage(
      path: "\(variant)/index.html", html: HTMLWriter.page(title: variant.rawValue, body: body))
  }

  /// Every engagement, oldest first: its date, title and venue, its limit, and each version it was sent with its length and an over-limit mark.
  private func engagementsPage() -> SitePage {
    var body = nav(depth: 0, variant: nil)
    body += "<h1>Engagements</h1>\n"
    if engagements.isEmpty { body += "<p class=\"meta\">No engagements.</p>\n" }
    body +=
      "<table class=\"engagements\">\n<tr><th>Date</th><th>Engagement</th><th>Limit</th><th>Sent</th></tr>\n"
    for engagement in engagements {
      var sent = ""
      for item in engagement.sent {
        let label = "\(e(item.variant.rawValue)) as of \(e(item.version.date.day))"
        let link =
          pageOf[SiteBuilder.key(item.version)].map { "<a href=\"\($0)\">\(label)</a>" } ?? label
        let length =
          engagement.limit.map { $0.rule.describe(item.length ?? item.words) }
          ?? CountingRule.words.describe(item.words)
        sent +=
          "<div class=\"sent\">\(link), \(e(length))"
          + (item.isOverLimit ? " <span class=\"over\">over the limit</span>" : "") + "</div>"
      }
      body +=
        "<tr id=\"\(engagement.name)\"><td>\(engagement.date)</td><td><strong>\(e(engagement.name.rawValue))</strong>"
        + (engagement.title == engagement.name.rawValue ? "" : "<br>\(e(engagement.title))")
        + (engagement.venue.map { "<br><span class=\"meta\">\(e($0))</span>" } ?? "")
        + (engagement.note.isEmpty ? "" : "<br><span class=\"note\">\(e(engagement.note))</span>")
        + "</td><td>\(engagement.limit.map { e($0.description) } ?? "")</td><td>\(sent)</td></tr>\n"
    }
    body += "</table>\n"
    return SitePage(
      path: "engagements.html", html: HTMLWriter.page(title: "Engagements", body: body))
  }

  /// A version's line of facts: its id, words, message and the engagements sent it.
  private func meta(_ row: Row, sentTo: [String], depth: Int) -> String {
    "<p class=\"meta\">\(row.version.id.short) · \(row.words) words · \(e(row.version.summary))"
      + (sentTo.isEmpty ? "" : " · sent to " + markers(sentTo, depth: depth)) + "</p>\n"
  }

  /// Engagement markers linking to the engagements page.
  private func markers(_ names: [String], depth: Int) -> String {
    let up = String(repeating: "../", count: depth)
    return names.map {
      "<a class=\"tag\" href=\"\(up)engagements.html#\(e($0))\">\(e($0))</a>"
    }.joined(separator: " ")
  }

  /// The links back to the index (and the variant's timeline) from a page `depth` folders down.
  private func nav(depth: Int, variant: VariantName?) -> String {
    let up = String(repeating: "../", count: depth)
    return
      "<nav><a href=\"\(up)index.html\">All bios</a> · <a href=\"\(up)engagements.html\">Engagements</a>"
      + (variant.map { " · <a href=\"index.html\">\(e($0.rawValue)) timeline</a>" } ?? "")
      + "</nav>\n"
  }

  /// The engagements sent each of the variant's versions, by commit.
  private func sentNames(variant: VariantName, rows: [Row]) -> [ObjectID: [String]] {
    var keys: Set<String> = []
    for row in rows { keys.insert(SiteBuilder.key(row.version)) }
    var names: [ObjectID: [String]] = [:]
    for engagement in engagements {
      for item in engagement.sent where keys.contains(SiteBuilder.key(item.version)) {
        names[item.version.id, default: []].append(engagement.name.rawValue)
      }
    }
    return names
  }

  /// The redline between two versions as HTML, made once.
  private mutating func redline(from old: Version, to new: Version, store: Store)
    throws(StoreError) -> String
  {
    let key = old.id.hex + ".." + new.id.hex
    if let html = redlines[key] { return html }
    let html = try store.redlineHTML(from: old, to: new)
    redlines[key] = html
    return html
  }

  private mutating func add(_ path: String, title: String, body: String) {
    pages.append(SitePage(path: path, html: HTMLWriter.page(title: title, body: body)))
  }

  /// A version's key: its commit and its own variant name, since one commit can hold several variants' versions.
  private static func key(_ version: Version) -> String {
    version.id.hex + " " + version.variant.rawValue
  }

  private func e(_ text: String) -> String { HTMLWriter.escaped(text) }
}

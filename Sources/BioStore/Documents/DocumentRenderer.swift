import Foundation

/// Turns a redline, or a version's Markdown, into a document's bytes: HTML by biostore itself, Word and plain text by pandoc, PDF by printing the HTML in headless Chromium.
///
/// PDF comes from the HTML, not from pandoc, because pandoc's PDF needs a TeX installation of
/// gigabytes and would look unlike the HTML; Chromium prints exactly the page one looks at.
enum DocumentRenderer {
  /// `document` as `format` (`txt` is the new text, one paragraph to a line).
  static func bytes(of document: RedlineDocument, as format: DocumentFormat) throws(StoreError)
    -> [UInt8]
  {
    switch format {
    case .html: Array(HTMLWriter.page(of: document).utf8)
    case .pdf: try pdf(of: HTMLWriter.page(of: document))
    case .docx, .txt:
      try pandoc(
        PandocDocument.json(of: document, apiVersion: try pandocAPIVersion()), from: "json",
        to: format == .docx ? "docx" : "plain")
    }
  }

  /// The Markdown `text` of one version as `format`, its formatting read as Markdown (for `show`); HTML is `document`'s page.
  static func bytes(ofMarkdown text: String, document: RedlineDocument, as format: DocumentFormat)
    throws(StoreError) -> [UInt8]
  {
    switch format {
    case .html, .pdf: try bytes(of: document, as: format)
    // HTML written in a bio is its text, not markup to drop or to split a paragraph at.
    case .docx: try pandoc(Array(text.utf8), from: "markdown-smart-raw_html", to: "docx")
    case .txt: try pandoc(Array(text.utf8), from: "markdown-smart-raw_html", to: "plain")
    }
  }

  /// The version of pandoc's document form the installed pandoc reads, from what it writes for an empty document.
  private static func pandocAPIVersion() throws(StoreError) -> [Int] {
    let output = try withScratchFolder { folder throws(StoreError) in
      try ExternalTool.pandoc.run(["--from", "markdown", "--to", "json"], in: folder)
    }
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(output)) as? [String: Any],
      let version = object["pandoc-api-version"] as? [Int]
    else { throw .toolFailed("pandoc", reason: "it did not say which document version it reads") }
    return version
  }

  /// pandoc's output for `input` read as `from` and written as `to`, through a file so binary output never passes a pipe.
  private static func pandoc(_ input: [UInt8], from: String, to: String) throws(StoreError)
    -> [UInt8]
  {
    try withScratchFolder { folder throws(StoreError) in
      let source = folder + "/in." + (from == "json" ? "json" : "md")
      let output = folder + "/out." + (to == "plain" ? "txt" : to)
      guard FileManager.default.createFile(atPath: source, contents: Data(input)) else {
        throw .storage("cannot write a scratch file in \(folder)")
      }
      try ExternalTool.pandoc.run(
        ["--from", from, "--to", to, "--wrap=none", "--output", output, source], in: folder)
      let bytes = try read(output, by: "pandoc")
      // What pandoc wrote must be what was asked for: a zip (as every .docx is), or UTF-8 text.
      let expected =
        to == "docx"
        ? bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
        : String(validating: bytes, as: UTF8.self) != nil
      guard expected, !bytes.isEmpty else {
        throw .toolFailed(
          "pandoc",
          reason: "it wrote something that is not a \(to == "docx" ? "Word document" : "text")")
      }
      return bytes
    }
  }

  /// `html` printed to PDF by headless Chromium, on A4-or-Letter as its defaults have it, without the date and file name headers.
  private static func pdf(of html: String) throws(StoreError) -> [UInt8] {
    try withScratchFolder { folder throws(StoreError) in
      let page = folder + "/page.html"
      let output = folder + "/page.pdf"
      guard FileManager.default.createFile(atPath: page, contents: Data(html.utf8)) else {
        throw .storage("cannot write a scratch file in \(folder)")
      }
      try ExternalTool.chromium.run(
        [
          "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
          "--user-data-dir=\(folder)/profile", "--no-pdf-header-footer",
          "--print-to-pdf=\(output)", URL(fileURLWithPath: page).absoluteString,
        ], in: folder)
      let bytes = try read(output, by: "chromium")
      // A whole PDF starts with its header and ends with `%%EOF` (and perhaps a line break).
      guard bytes.starts(with: Array("%PDF-".utf8)),
        String(decoding: bytes.suffix(32), as: UTF8.self).contains("%%EOF")
      else {
        throw .toolFailed("chromium", reason: "it wrote no whole PDF")
      }
      return bytes
    }
  }

  /// The file `tool` was to write.
  private static func read(_ path: String, by tool: String) throws(StoreError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .toolFailed(tool, reason: "it wrote nothing")
    }
    return Array(data)
  }

  /// Runs `body` with a new private folder under the temporary directory, removed afterwards.
  private static func withScratchFolder<T>(_ body: (String) throws(StoreError) -> T)
    throws(StoreError) -> T
  {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("biostore-document-\(getpid())-\(UUID().uuidString.prefix(8))").path
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw .storage("cannot make a scratch folder in \(folder) (\(error.localizedDescription))")
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
  }
}

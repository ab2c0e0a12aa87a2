import Foundation

@testable import BioStore
@testable import ProseDiff

/// Which parser this run feeds, from `BIOSTORE_FUZZ_TARGET`: spec, date, diff, trailers, section, index or refs.
let target = ProcessInfo.processInfo.environment["BIOSTORE_FUZZ_TARGET"] ?? "spec"

/// libFuzzer's driver, called from `main` because SwiftPM links an executable target's own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ body: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// Runs libFuzzer with this process's arguments on `fuzz`.
@main
enum FuzzMain {
  static func main() {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&argc, &argv, fuzz))
  }
}

/// Feeds one input to the chosen target; a trap or a failed check is a finding.
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let text = String(decoding: bytes, as: UTF8.self)
  switch target {
  case "spec": fuzzSpec(text)
  case "date": fuzzDate(text)
  case "diff": fuzzDiff(bytes)
  case "trailers": fuzzTrailers(text)
  case "section": fuzzSection(text)
  case "index": fuzzIndex(bytes)
  case "refs": fuzzReferences(bytes)
  default: fatalError("unknown BIOSTORE_FUZZ_TARGET \(target)")
  }
  return 0
}

func fuzzSpec(_ text: String) {
  if let spec = try? Spec(parsing: text) {
    check(spec.text == text, "a parsed spec keeps its text")
  }
  _ = try? DiffOperand(parsing: text)
  _ = try? VariantName(text)
  _ = VariantName.suggestion(for: text)
}

func fuzzDate(_ text: String) {
  guard let date = try? DateInput(parsing: text) else { return }
  let timestamp = date.asOfTimestamp()
  check(date.admitsOnOrAfter(timestamp) || !date.admitsOnOrBefore(timestamp), "dates are ordered")
  _ = timestamp.rfc3339
  _ = try? CivilDate(parsing: text)
}

/// Two texts split at the first 0xFF byte (never valid UTF-8, so never inside a text).
func fuzzDiff(_ bytes: [UInt8]) {
  let split = bytes.firstIndex(of: 0xFF) ?? bytes.count / 2
  let old = String(decoding: bytes[..<split], as: UTF8.self)
  let new = String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self)
  let diff = ProseDiff(old: old, new: new)
  let rebuilt = diff.changes.filter { $0.op != .delete }.map(\.text).joined()
  check(rebuilt == new || ProseText(new).tokenCount == 0, "changes rebuild the new text")
  check(diff.added <= diff.new.wordCount && diff.removed <= diff.old.wordCount, "counts fit")
  check(diff.changesWording == (diff.old.tokens != diff.new.tokens), "wording changes agree")
  _ = diff.redline(.plain)
  _ = diff.redline(.color, context: 1)
  _ = UnifiedDiff.text(old: old, new: new, oldLabel: "a", newLabel: "b")
}

/// Biostore always writes a `Date:` trailer, so the written message ends in trailers even when the note's last paragraph looks like them.
func fuzzTrailers(_ text: String) {
  var message = TagMessage(parsing: text)
  message.date = message.date ?? CivilDate(year: 2024, month: 11, day: 17)
  let again = TagMessage(parsing: message.text)
  check(again.pins == message.pins, "pins survive writing the message")
  check(again.date == message.date && again.limit == message.limit, "date and limit survive")
  check(again.note == message.note && again.title == message.title, "title and note survive")
}

/// The first line is the heading (a leading `>` asks for quotes only); the rest is the document.
func fuzzSection(_ text: String) {
  let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
  var heading = lines.first.map(String.init) ?? ""
  let quoteOnly = heading.hasPrefix(">")
  if quoteOnly { heading.removeFirst() }
  let document = lines.count > 1 ? String(lines[1]) : ""
  if let section = TextExtraction(heading: heading, quoteOnly: quoteOnly).text(from: document) {
    // Bytes, not Characters: "\r\n" is one Character, and a section may keep a line's "\r".
    check(section.utf8.last == UInt8(ascii: "\n"), "a section ends with a line break")
  }
  _ = TextExtraction(heading: nil, quoteOnly: true).text(from: document)
}

/// Traps when `condition` is false, so libFuzzer records the input that broke it.
func check(_ condition: Bool, _ what: String) {
  if !condition { fatalError("property failed: \(what)") }
}

/// One variant's history-index file: a damaged cache must read as damaged (nil), never trap, and reading it from the end must agree with reading it whole.
func fuzzIndex(_ bytes: [UInt8]) {
  let depth = 40
  let bound: Int64 = 1_000_000_000
  let whole = IndexEntry.entries(parsing: bytes[...], upTo: depth)
  let fromEnd = IndexEntry.newestVersions(
    parsing: bytes[...], upTo: depth, stepsBack: 1, admits: { $0.seconds <= bound })
  _ = IndexEntry.newestVersions(parsing: bytes[...], upTo: depth, stepsBack: 0, admits: nil)
  check(ContentSeal(of: bytes).sealedPart(of: bytes) != nil, "a file matches its own seal")
  guard let whole, let fromEnd else { return }
  let versions = Array(whole.reversed().filter { $0.kind == .version })
  guard let first = versions.firstIndex(where: { $0.date.seconds <= bound }) else {
    return check(false, "an answer from the end is an answer from the whole file")
  }
  check(Array(versions[first...].prefix(2)) == fromEnd, "the end and the whole file agree")
}

/// A `packed-refs` file under a store's `.git`: the quick read gives up or answers, and never traps.
func fuzzReferences(_ bytes: [UInt8]) {
  FileManager.default.createFile(
    atPath: quickReadStore + "/.git/packed-refs", contents: Data(bytes))
  _ = Store.cachedHistoryListing(atPath: quickReadStore, of: try! VariantName("v"))
}

/// A store's `.git` with `HEAD` on `main`, a plain config and no loose references, for the refs target.
let quickReadStore: String = {
  let path = NSTemporaryDirectory() + "biostore-fuzz-refs-\(getpid())"
  try? FileManager.default.createDirectory(
    atPath: path + "/.git/refs/tags/engagements", withIntermediateDirectories: true)
  FileManager.default.createFile(
    atPath: path + "/.git/HEAD", contents: Data("ref: refs/heads/main\n".utf8))
  FileManager.default.createFile(
    atPath: path + "/.git/config", contents: Data("[core]\n\tbare = false\n".utf8))
  return path
}()

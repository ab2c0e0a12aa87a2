import Foundation
import Git
import ProseDiff

/// Each stored text's search units, case folded and numbered, kept in `.git/biostore/index/tokens` so a phrase search reads no blob it has read before.
///
/// A cache keyed by blob id, so it can never be out of date: a text's tokens are a function of
/// its bytes. The file is a run of chunks, each `BTK3` (files of an earlier form, `BTK1` or `BTK2`, are replaced), its payload's length and FNV-1a checksum,
/// then the payload: how many words the vocabulary had before it, the words it adds (each a
/// length and folded bytes), and its records (a raw blob id, a token count and that many word
/// numbers). A chunk is appended in one write; reading stops at the first chunk that is cut short,
/// fails its checksum or expects another vocabulary size (two writers appending at once), and the
/// next write then replaces the file with what was read, atomically. Deleting it costs only time.
final class TokenCache {
  /// Where it lives.
  let path: String
  /// Where a replacement is written before it is renamed into place.
  private let scratchDirectory: String
  /// The folded words, by number.
  private(set) var vocabulary: [[UInt8]] = []
  /// The file as read: records are tested where they lie, never copied out.
  private var file: [UInt8] = []
  /// Where each text's word numbers start in `file`, and how many there are.
  private var stored: [ObjectID: (offset: Int, count: Int)] = [:]
  /// The word numbers of texts added since reading.
  private var added: [ObjectID: [UInt32]] = [:]
  /// The words and records added since reading, for the next chunk.
  private var addedWords = 0
  private var addedRecords: [(ObjectID, [UInt32])] = []
  /// Whether the file had anything past its last good chunk, so appending would be lost.
  private var fileNeedsReplacing = false
  /// Whether replacing the file failed (a read-only folder), so nothing more is written.
  private var isReadOnly = false
  /// Word numbers by folded word, made only when a text has to be added.
  private var numbers: [[UInt8]: UInt32]?

  private static let magic: [UInt8] = Array("BTK3".utf8)
  /// The most the file is read up to (its size is checked before reading): 100,000 versions of 600 words each fit inside; a larger store's searches still answer, only slower.
  static let maximumBytes = 1 << 28
  /// How many new texts are kept in memory before they are written, so a search killed half-way keeps most of its work.
  static let recordsPerChunk = 2_000

  /// The cache of the store whose `.git` folder is `gitDirectory`, read from its file (an unreadable file reads as empty).
  init(gitDirectory: String) {
    path = gitDirectory + HistoryIndex.folder + "/tokens"
    scratchDirectory = gitDirectory + "biostore"
    let bytes: [UInt8]?
    do {
      bytes = try UnfollowedFile.read(path, limit: TokenCache.maximumBytes)
    } catch .failed {
      // The system refused (no permission, say): nothing can be done about it from here.
      return
    } catch {
      // A link, a FIFO, a folder or a file larger than any cache: something else was put here.
      fileNeedsReplacing = true
      return
    }
    guard let bytes else { return }
    file = bytes
    fileNeedsReplacing = !read()
  }

  /// Whether the cache has the text stored as `blob`.
  private func contains(_ blob: ObjectID) -> Bool { stored[blob] != nil || added[blob] != nil }

  /// Calls `body` with the word numbers of the text stored as `blob`, where they lie, tokenizing `text()` first when the cache lacks it.
  func withTokens<T>(
    of blob: ObjectID, text: () throws(StoreError) -> [UInt8], _ body: (TokenNumbers) -> T
  ) throws(StoreError) -> T {
    if let (offset, count) = stored[blob] {
      return file.withUnsafeBytes {
        body(
          TokenNumbers(bytes: UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + 4 * count)])))
      }
    }
    try add(blob, text: text)
    return (added[blob] ?? []).withUnsafeBytes { body(TokenNumbers(bytes: $0)) }
  }

  /// Makes sure the cache has the text stored as `blob`, tokenizing `text()` when it lacks it.
  func add(_ blob: ObjectID, text: () throws(StoreError) -> [UInt8]) throws(StoreError) {
    guard !contains(blob) else { return }
    if numbers == nil {
      numbers = Dictionary(
        uniqueKeysWithValues: vocabulary.enumerated().map { ($0.element, UInt32($0.offset)) })
    }
    var tokens: [UInt32] = []
    for word in ProseText(bytes: try text()).searchUnits(ignoringCase: true).map(\.bytes) {
      if let number = numbers?[word] {
        tokens.append(number)
      } else {
        let number = UInt32(vocabulary.count)
        vocabulary.append(word)
        numbers?[word] = number
        addedWords += 1
        tokens.append(number)
      }
    }
    added[blob] = tokens
    addedRecords.append((blob, tokens))
    if addedRecords.count >= TokenCache.recordsPerChunk { save() }
  }

  /// The number of a folded word, or nil when no cached text has it.
  func number(of word: [UInt8]) -> UInt32? {
    if let numbers { return numbers[word] }
    return vocabulary.firstIndex(of: word).map(UInt32.init)
  }

  /// Writes what was added since reading: one chunk appended, or the whole file replaced when its tail was damaged. A failure only costs the next search time.
  func save() {
    guard !addedRecords.isEmpty, !isReadOnly else { return }
    if fileNeedsReplacing {
      var all: [(ObjectID, [UInt32])] = added.map { ($0.key, $0.value) }
      for (blob, place) in stored {
        all.append(
          (blob, (0..<place.count).map { file.loadNumber(at: place.offset + 4 * $0) }))
      }
      let replacement = chunk(base: 0, words: vocabulary[...], records: all)
      // An empty folder where the file belongs holds nothing to lose; a full one is left alone.
      rmdir(path)
      do {
        try AtomicFile.write(replacement, to: path, scratchDirectory: scratchDirectory)
        fileNeedsReplacing = false
      } catch {
        // Appending behind a damaged tail would only be lost again: no more writes this run.
        isReadOnly = true
      }
    } else {
      let added = chunk(
        base: vocabulary.count - addedWords, words: vocabulary[(vocabulary.count - addedWords)...],
        records: addedRecords)
      try? UnfollowedFile.append(added, to: path)
    }
    addedWords = 0
    addedRecords = []
  }

  /// Indexes every good chunk of `file`; false when something after them had to be ignored.
  private func read() -> Bool {
    var offset = 0
    while offset < file.count {
      guard offset + 12 <= file.count, Array(file[offset..<(offset + 4)]) == TokenCache.magic
      else { return false }
      let length = Int(file.loadNumber(at: offset + 4))
      let start = offset + 12
      guard length <= file.count - start,
        TokenCache.checksum(file[start..<(start + length)]) == file.loadNumber(at: offset + 8),
        readPayload(start..<(start + length))
      else { return false }
      offset = start + length
    }
    return true
  }

  /// Takes one chunk's words and indexes its records; false (taking nothing) when it is malformed or was written for another vocabulary.
  private func readPayload(_ payload: Range<Int>) -> Bool {
    var offset = payload.lowerBound
    func number() -> Int? {
      guard offset + 4 <= payload.upperBound else { return nil }
      defer { offset += 4 }
      return Int(file.loadNumber(at: offset))
    }
    guard let base = number(), base == vocabulary.count, let wordCount = number() else {
      return false
    }
    var words: [[UInt8]] = []
    for _ in 0..<wordCount {
      guard let length = number(), length <= payload.upperBound - offset else { return false }
      words.append(Array(file[offset..<(offset + length)]))
      offset += length
    }
    guard let recordCount = number() else { return false }
    var places: [(ObjectID, (Int, Int))] = []
    for _ in 0..<recordCount {
      guard offset + 20 <= payload.upperBound else { return false }
      let blob = ObjectID(raw: file[offset..<(offset + 20)])
      offset += 20
      guard let count = number(), count <= (payload.upperBound - offset) / 4 else { return false }
      places.append((blob, (offset, count)))
      offset += 4 * count
    }
    guard offset == payload.upperBound else { return false }
    vocabulary += words
    for (blob, place) in places { stored[blob] = place }
    return true
  }

  /// A chunk holding `words` (numbered from `base`) and `records`.
  private func chunk(
    base: Int, words: ArraySlice<[UInt8]>, records: [(ObjectID, [UInt32])]
  ) -> [UInt8] {
    var payload: [UInt8] = []
    func put(_ number: Int) { withUnsafeBytes(of: UInt32(number).littleEndian) { payload += $0 } }
    put(base)
    put(words.count)
    for word in words {
      put(word.count)
      payload += word
    }
    put(records.count)
    for (blob, tokens) in records {
      payload += blob.raw
      put(tokens.count)
      for token in tokens { put(Int(token)) }
    }
    var chunk = TokenCache.magic
    withUnsafeBytes(of: UInt32(payload.count).littleEndian) { chunk += $0 }
    withUnsafeBytes(of: TokenCache.checksum(payload[...]).littleEndian) { chunk += $0 }
    return chunk + payload
  }

  /// FNV-1a over `bytes` taken eight at a time: enough to tell a torn or damaged chunk (not a forged one), at memory speed.
  private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset + 8 <= raw.count {
        hash =
          (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01B3
        offset += 8
      }
      while offset < raw.count {
        hash = (hash ^ UInt64(raw[offset])) &* 0x100_0000_01B3
        offset += 1
      }
    }
    return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
  }
}

/// A text's word numbers as a cache holds them: little-endian `UInt32`s, wherever they lie.
struct TokenNumbers {
  /// Their bytes.
  let bytes: UnsafeRawBufferPointer

  /// How many there are.
  var count: Int { bytes.count / 4 }

  /// Number `index`.
  subscript(index: Int) -> UInt32 {
    UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))
  }
}

extension [UInt8] {
  /// The little-endian `UInt32` at `offset`.
  fileprivate func loadNumber(at offset: Int) -> UInt32 {
    withUnsafeBytes {
      UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
  }
}

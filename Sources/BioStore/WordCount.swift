/// Word counts as a person or `wc -w` would make them: whitespace-separated words, not counting lone Markdown markers.
public enum WordCount {
  private static let markers: Set<Substring> = [
    ">", "#", "##", "###", "####", "#####", "######", "-", "*", "+",
  ]

  /// The words of `text`, in order.
  public static func words(of text: String) -> [Substring] {
    text.split(whereSeparator: \.isWhitespace).filter { !markers.contains($0) }
  }

  /// The number of words in `text`.
  public static func count(_ text: String) -> Int {
    words(of: text).count
  }

  /// Words added and removed between two texts, as a difference of word multisets.
  public static func changes(from old: String, to new: String) -> (added: Int, removed: Int) {
    var balance: [Substring: Int] = [:]
    for word in words(of: new) { balance[word, default: 0] += 1 }
    for word in words(of: old) { balance[word, default: 0] -= 1 }
    var added = 0
    var removed = 0
    for count in balance.values {
      if count > 0 { added += count } else { removed -= count }
    }
    return (added, removed)
  }
}

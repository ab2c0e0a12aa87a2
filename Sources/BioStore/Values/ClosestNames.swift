/// The "did you mean" list: names nearest to what was typed, by edit distance.
public enum ClosestNames {
  /// Up to three of `names`, nearest to `query` first (ignoring case), for a "did you mean" list.
  public static func to(_ query: String, among names: [String]) -> [String] {
    let query = Array(query.lowercased().unicodeScalars)
    func distance(_ name: String) -> Int {
      let name = Array(name.unicodeScalars)
      var row = Array(0...name.count)
      for (i, a) in query.enumerated() {
        var previous = row[0]
        row[0] = i + 1
        for (j, b) in name.enumerated() {
          let current = row[j + 1]
          row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (a == b ? 0 : 1))
          previous = current
        }
      }
      return row[name.count]
    }
    return Array(names.sorted { (distance($0), $0) < (distance($1), $1) }.prefix(3))
  }
}

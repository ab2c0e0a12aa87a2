import Yams

/// A YAML error as one clause naming the line of the file it is on, instead of libyaml's several lines that quote the YAML back.
enum YAMLProblem {
  /// `line N: problem (while …)` for `error`, where the YAML began on line `firstLine` of its file.
  static func describe(_ error: any Error, firstLine: Int = 1) -> String {
    func line(_ mark: Mark) -> Int { mark.line + firstLine - 1 }
    func clause(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> String {
      let during =
        context.map { " (\($0.text), from line \(line($0.mark)))" } ?? ""
      return "line \(line(mark)): \(problem)\(during)"
    }
    guard let error = error as? YamlError else { return "\(error)".escapedForOneLine }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return clause(context, problem, mark)
    case .reader(let problem, let offset, _, _):
      return "\(problem)" + (offset.map { " at byte \($0)" } ?? "")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return
        "the key \(duplicates.joined(separator: ", ")) appears twice in the mapping that starts on line \(line(context.mark))"
    default:
      return "\(error)".escapedForOneLine
    }
  }
}

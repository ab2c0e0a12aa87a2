import ArgumentParser
import BioStore
import Foundation

/// The entry point: parses, runs, and turns every failure into one `biostore: error:` line and exit code 1 or 2.
@main
enum Main {
  static func main() {
    if QuickRead.answer(Array(CommandLine.arguments.dropFirst())) { return }
    let arguments = joiningNegativeValues(Array(CommandLine.arguments.dropFirst()))
    do {
      var command = try Biostore.parseAsRoot(arguments)
      try command.run()
    } catch let code as ExitCode {
      Biostore.exit(withError: code)
    } catch let error as StoreError {
      Console.fail(error.description, exitCode: error.exitCode)
    } catch {
      let code = Biostore.exitCode(for: error)
      // --help and --version arrive as errors with exit code 0; ArgumentParser prints them.
      guard code != .success else { Biostore.exit(withError: error) }
      if let unknown = unknownCommand(in: arguments) {
        let closest = ClosestNames.to(unknown, among: commandNames).prefix(1)
        Console.fail(
          "unknown command '\(unknown.escapedForOneLine)'"
            + (closest.first.map { "; did you mean '\($0)'?" } ?? "") + " (see `biostore help`)",
          exitCode: 2)
      }
      Console.fail(
        usageProblem(Biostore.message(for: error)) + " (see `biostore help`)", exitCode: 2)
    }
  }

  /// The subcommands' names.
  static var commandNames: [String] {
    Biostore.configuration.subcommands.map { $0._commandName } + ["help"]
  }

  /// The first word that is not an option (nor `--store`'s value) when it names no command: `shwo` in `biostore shwo bio`.
  static func unknownCommand(in arguments: [String]) -> String? {
    var index = 0
    while index < arguments.count {
      let word = arguments[index]
      if word == "--store" {
        index += 2
        continue
      }
      if word.hasPrefix("-") {
        index += 1
        continue
      }
      return commandNames.contains(word) ? nil : word
    }
    return nil
  }

  /// `--limit -1` as `--limit=-1`, so a negative number reaches the option's own check ("must be 1 or more") instead of being read as an unknown flag.
  static func joiningNegativeValues(_ arguments: [String]) -> [String] {
    var joined: [String] = []
    var index = 0
    while index < arguments.count {
      let word = arguments[index]
      if word.hasPrefix("--"), !word.contains("="), index + 1 < arguments.count,
        arguments[index + 1].wholeMatch(of: /-[0-9]+/) != nil
      {
        joined.append(word + "=" + arguments[index + 1])
        index += 2
      } else {
        joined.append(word)
        index += 1
      }
    }
    return joined
  }

  /// ArgumentParser's message as one line: every problem it names (one per `Error:` line, with any
  /// line that explains it), without the usage and help lines that `biostore help` gives in full.
  static func usageProblem(_ message: String) -> String {
    let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let problems = lines.prefix { !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") }
      .filter { !$0.isEmpty && !$0.hasPrefix("Help:") }
      .map { $0.hasPrefix("Error: ") ? String($0.dropFirst("Error: ".count)) : $0 }
    return problems.isEmpty ? "invalid arguments" : problems.joined(separator: "; ")
  }
}

import ArgumentParser
import BioStore
import Foundation

/// The entry point: parses, runs, and turns every failure into one `biostore: error:` line and exit code 1 or 2.
@main
enum Main {
  static func main() {
    if QuickRead.answer(Array(CommandLine.arguments.dropFirst())) { return }
    do {
      var command = try Biostore.parseAsRoot()
      try command.run()
    } catch let code as ExitCode {
      Biostore.exit(withError: code)
    } catch let error as StoreError {
      Console.fail(error.description, exitCode: error.exitCode)
    } catch {
      let code = Biostore.exitCode(for: error)
      // --help and --version arrive as errors with exit code 0; ArgumentParser prints them.
      guard code != .success else { Biostore.exit(withError: error) }
      Console.fail(
        usageProblem(Biostore.message(for: error)) + " (see `biostore help`)", exitCode: 2)
    }
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

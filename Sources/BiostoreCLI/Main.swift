import ArgumentParser
import BioStore

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
      var message =
        Biostore.message(for: error)
        .split(separator: "\n").first.map(String.init) ?? "invalid arguments"
      if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
      Console.fail(message + " (see `biostore help`)", exitCode: 2)
    }
  }
}

import Foundation

/// A program biostore hands a document to (pandoc, Chromium), found on `PATH` and run in a process group of its own with a time limit, its failure said in one line.
///
/// The program reads and writes files, never a pipe of biostore's: its standard input is
/// `/dev/null` and its output and errors go to files in the caller's scratch folder, so a program
/// that exits early can never stop biostore with SIGPIPE, nor one that floods its output stall it.
/// On the time limit the whole group is killed, so helper processes (Chromium starts several)
/// cannot keep biostore waiting.
struct ExternalTool {
  /// The names it may go by, first found wins.
  let names: [String]
  /// The Debian package that has it, for the error when it is missing.
  let package: String

  /// pandoc, for Word documents and plain text.
  static let pandoc = ExternalTool(names: ["pandoc"], package: "pandoc")
  /// Headless Chromium, for PDF.
  static let chromium = ExternalTool(
    names: ["chromium", "chromium-browser", "google-chrome"], package: "chromium")

  /// How long a run may take before it is stopped: a hung browser must not hang biostore.
  static let timeLimit: TimeInterval = 120

  /// The program's path, or an error saying how to install it.
  func executable() throws(StoreError) -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in names {
      for folder in path.split(separator: ":") where !folder.isEmpty {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    throw .missingTool(names[0], package: package)
  }

  /// Runs the program with `arguments`, its output and errors written to files in `folder`; what it wrote on its standard output, or an error quoting the last line it wrote on its standard error.
  @discardableResult
  func run(_ arguments: [String], in folder: String) throws(StoreError) -> [UInt8] {
    let program = try executable()
    let output = folder + "/\(names[0]).out"
    let errors = folder + "/\(names[0]).err"
    let pid = try spawn(program, arguments, output: output, errors: errors)
    // Whatever the outcome, nothing of the group outlives the run.
    defer { kill(-pid, SIGKILL) }
    let deadline = Date().addingTimeInterval(ExternalTool.timeLimit)
    var status: Int32 = 0
    while true {
      let waited = waitpid(pid, &status, WNOHANG)
      if waited == pid { break }
      if waited < 0 && errno != EINTR {
        throw .toolFailed(names[0], reason: String(cString: strerror(errno)))
      }
      if Date() > deadline {
        kill(-pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        throw .toolFailed(names[0], reason: "it ran longer than \(Int(ExternalTool.timeLimit)) s")
      }
      usleep(10_000)
    }
    let said = (FileManager.default.contents(atPath: errors)).flatMap {
      String(decoding: $0, as: UTF8.self).split(whereSeparator: \.isNewline).last.map(String.init)
    }
    // Exited normally with status 0: WIFEXITED and WEXITSTATUS, which Swift does not import.
    guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
      let how =
        status & 0x7F == 0
        ? "it exited with status \((status >> 8) & 0xFF)"
        : "it was killed by signal \(status & 0x7F)"
      throw .toolFailed(names[0], reason: said ?? how)
    }
    return Array(FileManager.default.contents(atPath: output) ?? Data())
  }

  /// Starts `program` as the leader of a new process group, stdin `/dev/null`, stdout and stderr the files given.
  private func spawn(_ program: String, _ arguments: [String], output: String, errors: String)
    throws(StoreError) -> pid_t
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, program, &actions, &attributes, argv, environ)
    guard result == 0 else {
      throw .toolFailed(names[0], reason: String(cString: strerror(result)))
    }
    return pid
  }
}

import Foundation
import Testing

/// Stock `git http-backend` behind lighttpd on 127.0.0.1, with Basic auth (user `tester`, password `secret`) on plain HTTP and on HTTPS with a self-signed certificate for `localhost`, stopped when the value goes.
///
/// `Scripts/test` installs lighttpd and openssl when missing.
final class WebServer {
  /// The folder of bare repositories it serves.
  let repositories: URL
  /// The certificate HTTPS presents, for `SSL_CERT_FILE`.
  let certificate: String
  /// The plain HTTP port and the HTTPS one.
  let httpPort: Int
  let httpsPort: Int
  private let process: Process

  /// Writes the configuration, a user file and a certificate under `folder`, and starts lighttpd on free ports.
  init(in folder: URL) throws {
    let manager = FileManager.default
    repositories = folder.appendingPathComponent("repositories")
    try manager.createDirectory(at: repositories, withIntermediateDirectories: true)
    let lighttpd = try #require(
      ["/usr/sbin/lighttpd", "/usr/bin/lighttpd"].first(where: manager.isExecutableFile),
      "lighttpd is not installed; Scripts/test installs it")
    certificate = folder.appendingPathComponent("cert.pem").path
    let key = folder.appendingPathComponent("key.pem").path
    try WebServer.run(
      "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
      certificate, "-days", "2", "-subj", "/CN=localhost", "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1")
    let pem = folder.appendingPathComponent("server.pem").path
    try
      (String(contentsOfFile: certificate, encoding: .utf8)
      + String(contentsOfFile: key, encoding: .utf8)).write(
        toFile: pem, atomically: true, encoding: .utf8)
    let users = folder.appendingPathComponent("users").path
    try "tester:secret\n".write(toFile: users, atomically: true, encoding: .utf8)
    let backend = try WebServer.gitExecPath() + "/git-http-backend"
    var started: (Process, Int, Int)?
    for _ in 0..<10 {
      let http = Int.random(in: 20_000..<40_000)
      let https = http + 20_000
      let configuration = folder.appendingPathComponent("lighttpd.conf").path
      try """
      server.modules = ("mod_alias", "mod_auth", "mod_authn_file", "mod_setenv", "mod_cgi", "mod_openssl")
      server.bind = "127.0.0.1"
      server.port = \(http)
      server.document-root = "\(repositories.path)"
      server.errorlog = "\(folder.path)/error.log"
      alias.url = ("/git/" => "\(backend)/")
      $HTTP["url"] =~ "^/git/" {
        cgi.assign = ("" => "")
        setenv.add-environment = ("GIT_PROJECT_ROOT" => "\(repositories.path)", "GIT_HTTP_EXPORT_ALL" => "")
        auth.backend = "plain"
        auth.backend.plain.userfile = "\(users)"
        auth.require = ("" => ("method" => "basic", "realm" => "git", "require" => "valid-user"))
      }
      $SERVER["socket"] == "127.0.0.1:\(https)" {
        ssl.engine = "enable"
        ssl.pemfile = "\(pem)"
      }
      """.write(toFile: configuration, atomically: true, encoding: .utf8)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: lighttpd)
      process.arguments = ["-D", "-f", configuration]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      for _ in 0..<50 where process.isRunning {
        if GitDaemon.accepts(http) && GitDaemon.accepts(https) {
          started = (process, http, https)
          break
        }
        usleep(20_000)
      }
      if started != nil { break }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    let (process, http, https) = try #require(started, "lighttpd did not start")
    self.process = process
    httpPort = http
    httpsPort = https
  }

  deinit {
    stop()
  }

  /// Stops lighttpd, as a server going down would: SIGTERM, then SIGKILL after a second.
  func stop() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGTERM)
    for _ in 0..<50 where process.isRunning { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  /// Makes an empty bare repository `name`, and returns its plain-HTTP and HTTPS URLs.
  func bareRepository(_ name: String) throws -> (http: String, https: String) {
    try WebServer.run(
      "git", "init", "-q", "--bare", "-b", "main", repositories.appendingPathComponent(name).path)
    // http-backend takes pushes only where they are switched on (or REMOTE_USER is set).
    try WebServer.run(
      "git", "-C", repositories.appendingPathComponent(name).path, "config", "http.receivepack",
      "true")
    return (
      "http://127.0.0.1:\(httpPort)/git/\(name)", "https://localhost:\(httpsPort)/git/\(name)"
    )
  }

  private static func run(_ arguments: String...) throws {
    let (status, output) = try runQuietly(arguments)
    try #require(status == 0, "\(arguments.joined(separator: " ")) failed: \(output)")
  }

  private static func gitExecPath() throws -> String {
    try runQuietly(["git", "--exec-path"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// What a fetch or push may offer a server that asks who is calling, each tried once in order: libgit2 asks again after every refusal, and trying a refused credential again only loops.
public struct Credentials: Sendable {
  /// A user name and password (or token) for HTTPS.
  public var userPassword: (user: String, password: String)?
  /// Whether to ask `ssh-agent` (through `$SSH_AUTH_SOCK`) for SSH.
  public var sshAgent: Bool
  /// Private key files for SSH, each with its `.pub` beside it or not.
  public var sshKeyFiles: [String]
  /// The `known_hosts` files an SSH server's host key must be in; an unknown or changed key is refused.
  public var knownHostsFiles: [String]

  /// Offers `userPassword` for HTTPS and the agent, then `sshKeyFiles`, for SSH.
  public init(
    userPassword: (user: String, password: String)? = nil, sshAgent: Bool = false,
    sshKeyFiles: [String] = [], knownHostsFiles: [String] = []
  ) {
    self.userPassword = userPassword
    self.sshAgent = sshAgent
    self.sshKeyFiles = sshKeyFiles
    self.knownHostsFiles = knownHostsFiles
  }

  /// Nothing to offer: enough for `git://` and local paths.
  public static let none = Credentials()
}

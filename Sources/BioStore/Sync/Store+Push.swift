import Git

extension Store {
  /// Pushes the branch and every engagement tag to `remote`, never forcing: a reference the server refuses (the remote has commits this store lacks, a tag recorded differently there, a hook) is reported and throws `pushRefused` after the others are pushed.
  ///
  /// libgit2 reports a refused reference only through a callback, and pushes nothing for an empty
  /// list; both are checked, so success means every reference is on the server. Returns the names
  /// of the references this push changed on the server.
  public func push(to remote: String) throws(StoreError) -> [String] {
    try remoteURL(of: remote)
    guard let tip = try mainLine.tip() else {
      throw .pullConflict(remote: remote, reason: "this store has no version yet to push")
    }
    var refspecs = ["\(branch):\(branch)"]
    for name in try engagementReader.names() {
      refspecs.append("\(name.referenceName):\(name.referenceName)")
    }
    try prepareConnection(to: remote)
    let credentials = Store.credentials(for: try remoteURL(of: remote))
    let pushed: [PushedReference]
    do {
      pushed = try repository.push(to: remote, refspecs: refspecs, credentials: credentials)
    } catch  where error.message.contains("not present locally") {
      // libgit2 refuses a non-fast-forward itself when it can see the remote's objects (a path).
      throw .pushRefused(
        remote: remote,
        refused: [PushedReference(name: branch, refusal: "non-fast-forward: fetch first")])
    } catch {
      throw .remoteFailed(remote: remote, action: "push to", reason: error.message)
    }
    let refused = pushed.filter { $0.refusal != nil }
    if !pushed.contains(where: { $0.name == branch && $0.refusal != nil }) {
      // What the remote now has, as a fetch would have recorded it.
      try? repository.updateReference(
        trackingReference(of: remote), to: tip,
        expecting: try? repository.referenceTarget(trackingReference(of: remote)),
        logMessage: "biostore: push to \(remote)")
    }
    guard refused.isEmpty else { throw .pushRefused(remote: remote, refused: refused) }
    return pushed.filter(\.moved).map(\.name)
  }
}

import Git

extension Store {
  /// Pushes the branch and every engagement tag to `remote`, never forcing: a reference the server refuses (the remote has commits this store lacks, a tag recorded differently there, a hook) is reported and throws `pushRefused` after the others are pushed.
  ///
  /// libgit2 reports a refused reference only through a callback, and pushes nothing for an empty
  /// list; both are checked, so success means every reference is on the server. Returns the names
  /// of the references this push changed on the server.
  ///
  /// An engagement this store retired (`untag`) is deleted on the server, but only while the
  /// server still holds the very record this store retired (a lease, checked before anything is
  /// sent): one recorded again or edited there since is left, and the next pull brings it back.
  ///
  /// With `force`, the server's branch and engagements are replaced by this store's even where
  /// they have what this store lacks; what they held is fetched first and kept here, under
  /// `refs/biostore/replaced/refs/remotes/REMOTE/main/N` and `refs/biostore/replaced/NAME/N`.
  public func push(to remote: String, force: Bool = false) throws(StoreError) -> PushOutcome {
    let (url, credentials) = try connection(to: remote)
    guard let tip = try mainLine.tip() else {
      throw .pullConflict(remote: remote, reason: "this store has no version yet to push")
    }
    if force { try keepWhatAForcedPushReplaces(at: remote, tip: tip) }
    let plus = force ? "+" : ""
    var refspecs = ["\(plus)\(branch):\(branch)"]
    let fetched = Store.fetchedEngagementsPrefix(of: remote)
    for name in try engagementReader.names() {
      // A record this store edited replaces the remote's older one: a tag moves only when forced.
      var edited = false
      if let record = try referenceTarget(fetched + name.rawValue),
        try referenceTarget(name.referenceName) != record
      {
        edited = try replacedHere(record, of: name)
      }
      refspecs.append("\(force || edited ? "+" : "")\(name.referenceName):\(name.referenceName)")
    }
    let retiring = try engagementsRetiredHere(known: fetched)
    refspecs += retiring.keys.map { ":\($0.referenceName)" }
    let pushed: [PushedReference]
    do {
      pushed = try repository.push(
        to: remote, refspecs: refspecs, credentials: credentials,
        leases: Dictionary(uniqueKeysWithValues: retiring.map { ($0.key.referenceName, $0.value) }))
    } catch
      where error.message.contains("not present locally")
      || error.message.contains("non-fastforwardable")
    {
      // libgit2 refuses a non-fast-forward itself when it can see the remote's objects (a path).
      throw .pushRefused(
        remote: remote,
        refused: [PushedReference(name: branch, refusal: "non-fast-forward: fetch first")])
    } catch {
      throw remoteFailure(error, remote: remote, url: url, action: "push to")
    }
    let refused = pushed.filter { $0.refusal != nil }
    if !pushed.contains(where: { $0.name == branch && $0.refusal != nil }) {
      // What the remote now has, as a fetch would have recorded it.
      try? repository.updateReference(
        trackingReference(of: remote), to: tip,
        expecting: try? repository.referenceTarget(trackingReference(of: remote)),
        logMessage: "biostore: push to \(remote)")
    }
    try recordPushedEngagements(pushed, remote: remote)
    guard refused.isEmpty else { throw .pushRefused(remote: remote, refused: refused) }
    var outcome = PushOutcome()
    for reference in pushed where reference.moved {
      if let name = retiring.keys.first(where: { $0.referenceName == reference.name }) {
        outcome.retired.append(name.rawValue)
      } else {
        outcome.moved.append(reference.name)
      }
    }
    return outcome
  }

  /// The engagements the server had when last fetched (under `known`) that this store has retired since, each with the record the server should still hold.
  private func engagementsRetiredHere(known: String) throws(StoreError) -> [EngagementName:
    ObjectID]
  {
    var retired: [EngagementName: ObjectID] = [:]
    for (reference, record) in try storage({ () throws(GitError) in
      try repository.referenceTargets(under: known)
    }) {
      guard let name = try? EngagementName(String(reference.dropFirst(known.count))),
        try referenceTarget(name.referenceName) == nil,
        try referenceTarget(name.retiredReference) == record
      else { continue }
      retired[name] = record
    }
    return retired
  }

  /// Records in the remote-tracking engagement references what the server now has of each engagement it took, as a fetch would: so that a later pull can tell an engagement the server retired from one it never had.
  private func recordPushedEngagements(_ pushed: [PushedReference], remote: String)
    throws(StoreError)
  {
    let known = Store.fetchedEngagementsPrefix(of: remote)
    for reference in pushed where reference.refusal == nil {
      guard reference.name.hasPrefix(EngagementReader.prefix) else { continue }
      let tracking = known + reference.name.dropFirst(EngagementReader.prefix.count)
      let old = try referenceTarget(tracking)
      let new = try referenceTarget(reference.name)
      try? storage { () throws(GitError) in
        if let new {
          try repository.updateReference(
            tracking, to: new, expecting: old, logMessage: "biostore: push to \(remote)")
        } else if let old {
          try repository.deleteReference(tracking, expecting: old)
        }
      }
    }
  }

  /// Fetches `remote` and keeps its branch tip, when this store's `tip` does not contain it, and each engagement it records differently, under `refs/biostore/replaced/`, so a forced push loses nothing.
  private func keepWhatAForcedPushReplaces(at remote: String, tip: ObjectID) throws(StoreError) {
    try fetch(from: remote)
    try storage { () throws(GitError) in
      if let remoteTip = try repository.referenceTarget(trackingReference(of: remote)),
        remoteTip != tip, !(try repository.isDescendant(tip, of: remoteTip))
      {
        let prefix = Store.replacedPrefix + trackingReference(of: remote) + "/"
        let kept = try repository.referenceNames(under: prefix).compactMap {
          Int($0.dropFirst(prefix.count))
        }
        try repository.updateReference(
          prefix + String((kept.max() ?? 0) + 1), to: remoteTip, expecting: nil,
          logMessage: "biostore: kept before push --force to \(remote)")
      }
      let fetched = Store.fetchedEngagementsPrefix(of: remote)
      for (reference, target) in try repository.referenceTargets(under: fetched) {
        let name = String(reference.dropFirst(fetched.count))
        guard let engagement = try? EngagementName(name),
          let local = try repository.referenceTarget(engagement.referenceName), local != target
        else { continue }
        let kept = try repository.referenceNames(under: engagement.replacedPrefix).compactMap {
          Int($0.dropFirst(engagement.replacedPrefix.count))
        }
        try repository.updateReference(
          engagement.replacedPrefix + String((kept.max() ?? 0) + 1), to: target, expecting: nil,
          logMessage: "biostore: kept before push --force to \(remote)")
      }
    }
  }
}

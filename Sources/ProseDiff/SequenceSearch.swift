/// The working state of one comparison, over raw buffers so the inner loops stay tight.
struct SequenceSearch {
  let old: UnsafeBufferPointer<Int32>
  let new: UnsafeBufferPointer<Int32>
  let deleted: UnsafeMutableBufferPointer<Bool>
  let inserted: UnsafeMutableBufferPointer<Bool>
  let symbolCount: Int
  let exactLimit: Int
  /// Furthest-reaching x per diagonal, forward and backward, reused by every split.
  let forward: UnsafeMutableBufferPointer<Int>
  let backward: UnsafeMutableBufferPointer<Int>
  /// Steps a split may take before it settles for its furthest point (git uses at least 256).
  let maximumCost: Int

  init(
    old: UnsafeBufferPointer<Int32>, new: UnsafeBufferPointer<Int32>,
    deleted: UnsafeMutableBufferPointer<Bool>, inserted: UnsafeMutableBufferPointer<Bool>,
    symbolCount: Int, exactLimit: Int, maximumCost: Int?
  ) {
    self.exactLimit = exactLimit
    self.old = old
    self.new = new
    self.deleted = deleted
    self.inserted = inserted
    self.symbolCount = symbolCount
    let size = old.count + new.count + 4
    forward = .allocate(capacity: size)
    backward = .allocate(capacity: size)
    // About 50 million diagonal steps for the whole comparison, whatever its size.
    self.maximumCost = maximumCost ?? max(256, 50_000_000 / max(1, old.count + new.count))
  }

  func deallocate() {
    forward.deallocate()
    backward.deallocate()
  }

  /// Compares the whole sequences with an explicit stack, since deep recursion could overflow the thread's stack.
  mutating func run() {
    // The flag says whether cutting at unique symbols is still worth trying in that range.
    var pending = [(0, old.count, 0, new.count, true)]
    while let (oldStart, oldEnd, newStart, newEnd, mayAnchor) = pending.popLast() {
      var oldLow = oldStart
      var oldHigh = oldEnd
      var newLow = newStart
      var newHigh = newEnd
      while oldLow < oldHigh && newLow < newHigh && old[oldLow] == new[newLow] {
        oldLow += 1
        newLow += 1
      }
      while oldLow < oldHigh && newLow < newHigh && old[oldHigh - 1] == new[newHigh - 1] {
        oldHigh -= 1
        newHigh -= 1
      }
      if oldLow == oldHigh || newLow == newHigh {
        markChanged(oldLow..<oldHigh, newLow..<newHigh)
        continue
      }
      var mayAnchorInside = mayAnchor
      if mayAnchor && max(oldHigh - oldLow, newHigh - newLow) > exactLimit {
        let anchors = uniqueAnchors(oldLow..<oldHigh, newLow..<newHigh)
        if !anchors.isEmpty {
          var previous = (oldLow, newLow)
          for anchor in anchors {
            pending.append((previous.0, anchor.0, previous.1, anchor.1, true))
            previous = (anchor.0 + 1, anchor.1 + 1)
          }
          pending.append((previous.0, oldHigh, previous.1, newHigh, true))
          continue
        }
        mayAnchorInside = false
      }
      let (oldSplit, newSplit) = middle(oldLow, oldHigh, newLow, newHigh)
      let isInside =
        (oldSplit, newSplit) != (oldLow, newLow) && (oldSplit, newSplit) != (oldHigh, newHigh)
      guard isInside else {
        markChanged(oldLow..<oldHigh, newLow..<newHigh)
        continue
      }
      pending.append((oldLow, oldSplit, newLow, newSplit, mayAnchorInside))
      pending.append((oldSplit, oldHigh, newSplit, newHigh, mayAnchorInside))
    }
  }

  private func markChanged(_ oldRange: Range<Int>, _ newRange: Range<Int>) {
    for index in oldRange { deleted[index] = true }
    for index in newRange { inserted[index] = true }
  }

  /// A point on a shortest path through the box (Myers' middle snake), or past `maximumCost` steps the furthest point reached.
  ///
  /// The bidirectional search follows diff-match-patch's `diff_bisect`; `x` counts old symbols,
  /// `y` new ones, both relative to the box, and the backward search counts from the box's end.
  private func middle(_ oldLow: Int, _ oldHigh: Int, _ newLow: Int, _ newHigh: Int) -> (Int, Int) {
    let width = oldHigh - oldLow
    let height = newHigh - newLow
    let maximumD = (width + height + 1) / 2
    let offset = maximumD
    let length = 2 * maximumD
    for index in 0..<length {
      forward[index] = -1
      backward[index] = -1
    }
    forward[offset + 1] = 0
    backward[offset + 1] = 0
    let delta = width - height
    let checksForward = delta % 2 != 0
    var forwardStart = 0
    var forwardEnd = 0
    var backwardStart = 0
    var backwardEnd = 0
    for d in 0..<maximumD {
      var k = -d + forwardStart
      while k <= d - forwardEnd {
        let index = offset + k
        var x =
          k == -d || (k != d && forward[index - 1] < forward[index + 1])
          ? forward[index + 1] : forward[index - 1] + 1
        var y = x - k
        while x < width && y < height && old[oldLow + x] == new[newLow + y] {
          x += 1
          y += 1
        }
        forward[index] = x
        if x > width {
          forwardEnd += 2
        } else if y > height {
          forwardStart += 2
        } else if checksForward {
          let other = offset + delta - k
          if other >= 0 && other < length && backward[other] != -1 && x >= width - backward[other] {
            return (oldLow + x, newLow + y)
          }
        }
        k += 2
      }
      k = -d + backwardStart
      while k <= d - backwardEnd {
        let index = offset + k
        var x =
          k == -d || (k != d && backward[index - 1] < backward[index + 1])
          ? backward[index + 1] : backward[index - 1] + 1
        var y = x - k
        while x < width && y < height
          && old[oldHigh - x - 1] == new[newHigh - y - 1]
        {
          x += 1
          y += 1
        }
        backward[index] = x
        if x > width {
          backwardEnd += 2
        } else if y > height {
          backwardStart += 2
        } else if !checksForward {
          let other = offset + delta - k
          if other >= 0 && other < length && forward[other] != -1 {
            let forwardX = forward[other]
            if forwardX >= width - x {
              return (oldLow + forwardX, newLow + offset + forwardX - other)
            }
          }
        }
        k += 2
      }
      if d >= maximumCost {
        return furthest(d: d, offset: offset, oldLow, oldHigh, newLow, newHigh)
      }
    }
    return (oldLow, newLow)
  }

  /// The point either search has carried furthest from its own corner, for a search cut short.
  private func furthest(
    d: Int, offset: Int, _ oldLow: Int, _ oldHigh: Int, _ newLow: Int, _ newHigh: Int
  ) -> (Int, Int) {
    let width = oldHigh - oldLow
    let height = newHigh - newLow
    var best = (progress: -1, x: 0, y: 0)
    var k = -d
    while k <= d {
      for (values, isForward) in [(forward, true), (backward, false)] {
        let x = values[offset + k]
        let y = x - k
        guard x >= 0, x <= width, y >= 0, y <= height, x + y > best.progress else { continue }
        best = isForward ? (x + y, x, y) : (x + y, width - x, height - y)
      }
      k += 2
    }
    return (oldLow + best.x, newLow + best.y)
  }

  /// Pairs of positions of symbols that occur exactly once in each range, longest increasing chain (patience diff).
  private func uniqueAnchors(_ oldRange: Range<Int>, _ newRange: Range<Int>) -> [(Int, Int)] {
    var oldCount = [Int32](repeating: 0, count: symbolCount)
    var newCount = [Int32](repeating: 0, count: symbolCount)
    var newPosition = [Int32](repeating: 0, count: symbolCount)
    for index in oldRange { oldCount[Int(old[index])] += 1 }
    for index in newRange {
      let symbol = Int(new[index])
      newCount[symbol] += 1
      newPosition[symbol] = Int32(index)
    }
    var candidates: [(Int, Int)] = []
    for index in oldRange {
      let symbol = Int(old[index])
      if oldCount[symbol] == 1 && newCount[symbol] == 1 {
        candidates.append((index, Int(newPosition[symbol])))
      }
    }
    return LongestIncreasingChain.of(candidates)
  }
}

/// The longest chain of pairs increasing in their second element, as patience sorting finds it.
private enum LongestIncreasingChain {
  static func of(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
    var tails: [Int] = []
    var predecessor = [Int](repeating: -1, count: pairs.count)
    for (index, pair) in pairs.enumerated() {
      var low = 0
      var high = tails.count
      while low < high {
        let mid = (low + high) / 2
        if pairs[tails[mid]].1 < pair.1 { low = mid + 1 } else { high = mid }
      }
      if low > 0 { predecessor[index] = tails[low - 1] }
      if low == tails.count { tails.append(index) } else { tails[low] = index }
    }
    var chain: [(Int, Int)] = []
    var index = tails.last ?? -1
    while index >= 0 {
      chain.append(pairs[index])
      index = predecessor[index]
    }
    return chain.reversed()
  }
}

/// One side of `diff`: a version, or everything an engagement was sent.
public enum DiffOperand: Sendable {
  /// A version (`biosketch@2024`); a bare name may still turn out to be an engagement.
  case version(Spec)
  /// `@NAME`: every version engagement NAME was sent.
  case engagement(EngagementName)

  /// Parses `@NAME` as an engagement and anything else as a spec, before anything touches disk.
  public init(parsing text: String) throws(StoreError) {
    if text.hasPrefix("@") {
      self = .engagement(try EngagementName(String(text.dropFirst())))
    } else {
      self = .version(try Spec(parsing: text))
    }
  }

  /// The name a bare spec gives (`sc24-tpc`), which the store reads as an engagement when no variant has it.
  var bareName: String? {
    guard case .version(let spec) = self, spec.selector == .latest, spec.stepsBack == 0,
      spec.text == spec.variant.rawValue
    else { return nil }
    return spec.text
  }
}

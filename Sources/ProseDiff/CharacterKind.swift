/// How the tokenizer treats one character.
enum CharacterKind {
  case space, word, other

  /// Whether an ASCII byte is a letter or digit, read from a 128-bit mask.
  @inline(__always)
  static func isASCIIWord(_ byte: UInt8) -> Bool {
    let digits: UInt64 = 0x03FF_0000_0000_0000
    let letters: UInt64 = 0x07FF_FFFE_07FF_FFFE
    let mask = byte < 64 ? digits : letters
    return mask >> (byte & 63) & 1 == 1
  }

  init(_ scalar: UInt32) {
    if scalar < 0x80 {
      let byte = UInt8(scalar)
      if CharacterKind.isASCIIWord(byte) {
        self = .word
      } else if byte == 0x20 || byte >= 0x09 && byte <= 0x0D {
        self = .space
      } else {
        self = .other
      }
      return
    }
    guard let scalar = Unicode.Scalar(scalar) else {
      self = .other
      return
    }
    if scalar.properties.isWhitespace {
      self = .space
      return
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
      self = .word
    default:
      self = .other
    }
  }
}

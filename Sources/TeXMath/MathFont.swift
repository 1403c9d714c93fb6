/// A math alphabet selected by `\mathbb`, `\mathcal`, `\mathbf`, `\boldsymbol`, `\mathrm`, `\mathit`, `\mathsf`….
///
/// MathML Core supports only `mathvariant="normal"`, so the styled alphabets are written with the Unicode
/// Mathematical Alphanumeric Symbols (U+1D400–U+1D7FF) and the letterlike symbols that fill their gaps.
enum MathFont: Sendable {
    case roman, italic, bold, boldItalic, blackboard, calligraphic, fraktur, sansSerif, monospace

    /// Whether letters keep an upright shape that needs `mathvariant="normal"` on a single letter.
    var isUpright: Bool { self == .roman }

    /// The character for `scalar` in this alphabet, or `scalar` itself where the alphabet has no such letter.
    func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        let upper = value >= 0x41 && value <= 0x5A, lower = value >= 0x61 && value <= 0x7A
        let digit = value >= 0x30 && value <= 0x39
        let greekUpper = value >= 0x391 && value <= 0x3A9, greekLower = value >= 0x3B1 && value <= 0x3C9
        if let exception = exceptions[scalar] { return exception }
        var base: UInt32? = nil
        switch self {
        case .roman: return scalar
        case .italic:
            base = upper ? 0x1D434 : lower ? 0x1D44E : greekUpper ? 0x1D6E2 : greekLower ? 0x1D6FC : nil
        case .bold:
            base = upper ? 0x1D400 : lower ? 0x1D41A : digit ? 0x1D7CE : greekUpper ? 0x1D6A8 : greekLower ? 0x1D6C2 : nil
        case .boldItalic:
            base = upper ? 0x1D468 : lower ? 0x1D482 : digit ? 0x1D7CE : greekUpper ? 0x1D71C : greekLower ? 0x1D736 : nil
        case .blackboard: base = upper ? 0x1D538 : lower ? 0x1D552 : digit ? 0x1D7D8 : nil
        case .calligraphic: base = upper ? 0x1D49C : lower ? 0x1D4B6 : nil
        case .fraktur: base = upper ? 0x1D504 : lower ? 0x1D51E : nil
        case .sansSerif: base = upper ? 0x1D5A0 : lower ? 0x1D5BA : digit ? 0x1D7E2 : nil
        case .monospace: base = upper ? 0x1D670 : lower ? 0x1D68A : digit ? 0x1D7F6 : nil
        }
        guard let base else { return boldGreekVariant(scalar) ?? scalar }
        let first: UInt32 = upper ? 0x41 : lower ? 0x61 : digit ? 0x30 : greekUpper ? 0x391 : 0x3B1
        return Unicode.Scalar(base + value - first) ?? scalar
    }

    /// Letters whose styled form lives in the Letterlike Symbols block instead of the reserved code point.
    private var exceptions: [Unicode.Scalar: Unicode.Scalar] {
        switch self {
        case .italic: ["h": "\u{210E}"]
        case .blackboard: ["C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}", "Q": "\u{211A}",
                           "R": "\u{211D}", "Z": "\u{2124}"]
        case .calligraphic: ["B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}",
                             "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}",
                             "o": "\u{2134}"]
        case .fraktur: ["C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}"]
        default: [:]
        }
    }

    /// Bold forms of the Greek variant letters (ϵ ϑ ϰ ϕ ϱ ϖ) and ∂, ∇.
    private func boldGreekVariant(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let order: [Unicode.Scalar] = ["\u{2202}", "\u{03F5}", "\u{03D1}", "\u{03F0}", "\u{03D5}", "\u{03F1}", "\u{03D6}"]
        guard let index = order.firstIndex(of: scalar) else { return nil }
        switch self {
        case .bold: return Unicode.Scalar(0x1D6DB + UInt32(index))
        case .boldItalic: return Unicode.Scalar(0x1D74F + UInt32(index))
        default: return nil
        }
    }
}

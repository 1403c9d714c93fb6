import Foundation

/// How search compares text: case, accents, Greek letters, dashes and punctuation do not matter.
///
/// `fold` is what the site's `site.js` does to a query too (the same steps in the same order), so that a word of
/// the index and a word of a query meet: "Kullback–Leibler" (en dash), "Kullback-Leibler" and "kullback leibler"
/// all fold to `kullback leibler`, "μ-law" to `mu law`, "reparameterizedGradient" to `reparameterized gradient`.
enum SearchFolding {
    /// Greek letters and the names they fold to (so that "μ-law" finds "mu-law" and back).
    static let greek: [Character: String] = [
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon", "ζ": "zeta",
        "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu",
        "ξ": "xi", "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon",
        "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    ]

    /// `text` folded: camelCase split into words, lower case, compatibility-decomposed without accents, Greek
    /// letters as their names, and every run of characters that are not letters or digits (dashes, hyphens,
    /// punctuation, spaces) as one space, trimmed. Idempotent: `fold(fold(x)) == fold(x)`.
    static func fold(_ text: String) -> String {
        // Pieces between ASCII spaces, line feeds and tabs fold on their own (each such run is one space, and none
        // of them joins a camelCase split, a decomposition or a case mapping): ASCII pieces the quick way.
        var pieces: [String] = []
        for piece in text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
            let folded = piece.allSatisfy({ $0 < 0x80 }) ? foldASCII(piece) : foldScalars(String(Substring(piece)))
            if !folded.isEmpty { pieces.append(folded) }
        }
        return pieces.joined(separator: " ")
    }

    /// ``fold(_:)`` of ASCII text: camelCase split, lower case, runs of other characters than letters and digits as
    /// one space, trimmed.
    static func foldASCII(_ bytes: Substring.UTF8View.SubSequence) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        var previousWasLower = false, pendingSpace = false
        for byte in bytes {
            let isUpper = (0x41...0x5A).contains(byte), isLower = (0x61...0x7A).contains(byte)
            let isDigit = (0x30...0x39).contains(byte)
            if previousWasLower && isUpper { pendingSpace = true }
            previousWasLower = isLower
            guard isUpper || isLower || isDigit else { pendingSpace = true; continue }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(isUpper ? byte + 0x20 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``fold(_:)`` scalar by scalar, with Unicode's decompositions and case mappings.
    static func foldScalars(_ text: String) -> String {
        var split = ""
        var previousWasLower = false
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            if previousWasLower && category == .uppercaseLetter { split.append(" ") }
            previousWasLower = category == .lowercaseLetter
            split.unicodeScalars.append(scalar)
        }
        // Lower case between two decompositions: a letter that decomposes to an upper-case one (ϒ to Υ) is lowered,
        // and what lowering adds (the dot of İ) is a mark that goes with the accents.
        let decomposed = split.decomposedStringWithCompatibilityMapping.lowercased().decomposedStringWithCompatibilityMapping
        var out = ""
        var pendingSpace = false
        for scalar in decomposed.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            let piece = greek[Character(scalar)] ?? (isWordScalar(scalar) ? String(scalar) : nil)
            guard let piece else { pendingSpace = true; continue }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(piece)
        }
        return out
    }

    /// The folded words of `text`, in order.
    static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }

    /// The folded words of `text` with the stems of `stemmer` (default ``SearchStemmer/standard``, through
    /// ``SearchPieceMemo/standard``), each once, in order of first appearance; words joined by hyphens or dashes
    /// ("auto-encoder", "μ-law") also count as one word (`autoencod`, `mulaw`), after all the others.
    ///
    /// Text is taken piece by piece (between ASCII spaces, line feeds and tabs): no word, and no words joined by
    /// dashes, reaches across such a space, so the words of the text are the words of its pieces one after the other,
    /// and so are its compounds.
    static func stems(_ text: String, stemmer: SearchStemmer? = nil) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        var compounds: [String] = []
        for piece in text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
            let piece = String(Substring(piece))
            let stems = stemmer.map { pieceStems(piece, stemmer: $0) } ?? SearchPieceMemo.standard.stems(piece)
            for stem in stems.words where seen.insert(stem).inserted { out.append(stem) }
            compounds += stems.compounds
        }
        for stem in compounds where seen.insert(stem).inserted { out.append(stem) }
        return out
    }

    /// The stems of one piece's folded words and of its compounds, in order, with repeats.
    static func pieceStems(_ piece: String, stemmer: SearchStemmer) -> SearchPieceMemo.Stems {
        let words = fold(piece).split(separator: " ").map { stemmer.stem(String($0)) }
        // Only a hyphen-minus or one of the dashes U+2010-2014 and U+2212 (whose UTF-8 starts with 0xE2) joins words.
        let mayJoin = piece.utf8.contains { $0 == 0x2D || $0 == 0xE2 }
        return SearchPieceMemo.Stems(words: words, compounds: mayJoin ? compounds(piece).map(stemmer.stem) : [])
    }

    /// Words joined by hyphens or dashes, folded and written as one word ("auto-encoder" is `autoencoder`).
    static func compounds(_ text: String) -> [String] {
        var out: [String] = []
        var current = "", parts = 0, lastWasDash = false
        func finish() {
            if parts > 1 { out.append(fold(current).replacingOccurrences(of: " ", with: "")) }
            current = ""; parts = 0; lastWasDash = false
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if current.isEmpty || lastWasDash { parts += 1 }
                current.unicodeScalars.append(scalar); lastWasDash = false
            } else if dashes.contains(scalar), !current.isEmpty, !lastWasDash {
                current.unicodeScalars.append(" "); lastWasDash = true
            } else {
                finish()
            }
        }
        finish()
        return out
    }

    /// Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign.
    static let dashes: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}"]

    /// A letter (Unicode category L).
    static func isLetterScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    /// A letter or a digit (what the site's script matches with `[\p{L}\p{N}]`). ASCII is answered from its
    /// ranges (looking up the category of every scalar of every page was 3% of building 1,000 pages).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return isWordScalarByCategory(scalar)
    }

    /// ``isWordScalar(_:)`` from the scalar's general category alone.
    static func isWordScalarByCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }
}

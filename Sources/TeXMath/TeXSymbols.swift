/// The meaning of TeX's symbol commands: which MathML element each produces and with which character.
///
/// Characters are written as Unicode scalars (facts of the Unicode standard), grouped by the MathML element
/// they become.
enum TeXSymbols {
    /// Commands that become `<mi>`: Greek letters and ordinary symbols. `true` marks upright ones.
    static let identifiers: [String: (String, upright: Bool)] = {
        var table: [String: (String, upright: Bool)] = [:]
        let lower = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
                     "mu", "nu", "xi", "omicron", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]
        for (offset, name) in lower.enumerated() {
            table[name] = (String(Character(Unicode.Scalar(0x3B1 + UInt32(offset))!)), false)
        }
        // TeX's \epsilon and \phi are the lunate and stroked forms; \varepsilon and \varphi the open and looped ones.
        table["epsilon"] = ("\u{03F5}", false)
        table["varepsilon"] = ("\u{03B5}", false)
        table["phi"] = ("\u{03D5}", false)
        table["varphi"] = ("\u{03C6}", false)
        table["vartheta"] = ("\u{03D1}", false)
        table["varrho"] = ("\u{03F1}", false)
        table["varpi"] = ("\u{03D6}", false)
        table["varkappa"] = ("\u{03F0}", false)
        let upper = ["Gamma": 0x393, "Delta": 0x394, "Theta": 0x398, "Lambda": 0x39B, "Xi": 0x39E, "Pi": 0x3A0,
                     "Sigma": 0x3A3, "Upsilon": 0x3A5, "Phi": 0x3A6, "Psi": 0x3A8, "Omega": 0x3A9]
        for (name, code) in upper { table[name] = (String(Character(Unicode.Scalar(UInt32(code))!)), true) }
        let ordinary: [String: (String, Bool)] = [
            "infty": ("\u{221E}", false), "partial": ("\u{2202}", false), "nabla": ("\u{2207}", true),
            "ell": ("\u{2113}", false), "emptyset": ("\u{2205}", false), "varnothing": ("\u{2205}", false),
            "top": ("\u{22A4}", false), "bot": ("\u{22A5}", false), "hbar": ("\u{210F}", false),
            "aleph": ("\u{2135}", false), "imath": ("\u{0131}", false), "jmath": ("\u{0237}", false),
            "Re": ("\u{211C}", false), "Im": ("\u{2111}", false), "wp": ("\u{2118}", false),
            "prime": ("\u{2032}", false), "angle": ("\u{2220}", false), "triangle": ("\u{25B3}", false),
            "$": ("$", false), "_": ("_", false), "#": ("#", false),
        ]
        for (name, value) in ordinary { table[name] = (value.0, value.1) }
        return table
    }()

    /// Commands that become a plain `<mo>` (relations, binary operators, arrows, punctuation, logic).
    static let operators: [String: String] = [
        // Relations.
        "leq": "\u{2264}", "le": "\u{2264}", "geq": "\u{2265}", "ge": "\u{2265}", "neq": "\u{2260}", "ne": "\u{2260}",
        "approx": "\u{2248}", "propto": "\u{221D}", "sim": "\u{223C}", "simeq": "\u{2243}", "cong": "\u{2245}",
        "equiv": "\u{2261}", "triangleq": "\u{225C}", "coloneqq": "\u{2254}", "eqqcolon": "\u{2255}",
        "doteq": "\u{2250}", "parallel": "\u{2225}", "mid": "\u{2223}", "nmid": "\u{2224}", "in": "\u{2208}",
        "notin": "\u{2209}", "ni": "\u{220B}", "subset": "\u{2282}", "supset": "\u{2283}", "subseteq": "\u{2286}",
        "supseteq": "\u{2287}", "perp": "\u{22A5}", "ll": "\u{226A}", "gg": "\u{226B}", "prec": "\u{227A}",
        "succ": "\u{227B}", "preceq": "\u{2AAF}", "succeq": "\u{2AB0}", "asymp": "\u{224D}", "models": "\u{22A8}",
        "vdash": "\u{22A2}", "dashv": "\u{22A3}", "lesssim": "\u{2272}", "gtrsim": "\u{2273}",
        "leqslant": "\u{2A7D}", "geqslant": "\u{2A7E}", "setminus": "\u{2216}",
        // Arrows.
        "Rightarrow": "\u{21D2}", "Leftarrow": "\u{21D0}", "Leftrightarrow": "\u{21D4}", "rightarrow": "\u{2192}",
        "leftarrow": "\u{2190}", "leftrightarrow": "\u{2194}", "mapsto": "\u{21A6}", "to": "\u{2192}",
        "gets": "\u{2190}", "implies": "\u{27F9}", "impliedby": "\u{27F8}", "iff": "\u{27FA}",
        "longrightarrow": "\u{27F6}", "longleftarrow": "\u{27F5}", "Longrightarrow": "\u{27F9}",
        "longmapsto": "\u{27FC}", "uparrow": "\u{2191}", "downarrow": "\u{2193}", "hookrightarrow": "\u{21AA}",
        "rightharpoonup": "\u{21C0}", "leftrightarrows": "\u{21C6}", "rightleftharpoons": "\u{21CC}",
        // Binary operators.
        "cdot": "\u{22C5}", "times": "\u{00D7}", "pm": "\u{00B1}", "mp": "\u{2213}", "circ": "\u{2218}",
        "odot": "\u{2299}", "otimes": "\u{2297}", "oplus": "\u{2295}", "ast": "\u{2217}", "star": "\u{22C6}",
        "div": "\u{00F7}", "cap": "\u{2229}", "cup": "\u{222A}", "land": "\u{2227}", "wedge": "\u{2227}",
        "lor": "\u{2228}", "vee": "\u{2228}", "bullet": "\u{2219}", "intercal": "\u{22BA}", "oslash": "\u{2298}",
        "sqcup": "\u{2294}", "sqcap": "\u{2293}", "uplus": "\u{228E}", "dagger": "\u{2020}",
        // Logic, dots and punctuation.
        "forall": "\u{2200}", "exists": "\u{2203}", "nexists": "\u{2204}", "neg": "\u{00AC}", "lnot": "\u{00AC}",
        "dots": "\u{2026}", "ldots": "\u{2026}", "cdots": "\u{22EF}", "vdots": "\u{22EE}", "ddots": "\u{22F1}",
        "dotsc": "\u{2026}", "dotsb": "\u{22EF}", "therefore": "\u{2234}", "because": "\u{2235}",
        "colon": ":", "%": "%", "&": "&", "backslash": "\\",
    ]

    /// Delimiters: after `\left`, `\right`, `\middle`, `\big`…, or alone (then with `stretchy="false"`).
    static let delimiters: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "|": "\u{2016}", "Vert": "\u{2016}",
        "lVert": "\u{2016}", "rVert": "\u{2016}", "vert": "|", "lvert": "|", "rvert": "|",
        "langle": "\u{27E8}", "rangle": "\u{27E9}", "lfloor": "\u{230A}", "rfloor": "\u{230B}",
        "lceil": "\u{2308}", "rceil": "\u{2309}", "lbrack": "[", "rbrack": "]",
    ]

    /// Characters that are delimiters when typed directly.
    static let delimiterCharacters: Set<Unicode.Scalar> = ["(", ")", "[", "]", "|", "/"]

    /// Large operators, as `<mo>`: the operator dictionary already makes them large with movable limits.
    static let largeOperators: [String: String] = [
        "sum": "\u{2211}", "prod": "\u{220F}", "coprod": "\u{2210}", "bigcup": "\u{22C3}", "bigcap": "\u{22C2}",
        "bigoplus": "\u{2A01}", "bigotimes": "\u{2A02}", "bigodot": "\u{2A00}", "bigvee": "\u{22C1}",
        "bigwedge": "\u{22C0}", "bigsqcup": "\u{2A06}",
    ]

    /// Integrals: large operators whose limits are scripts beside them, as in TeX.
    static let integrals: [String: String] = [
        "int": "\u{222B}", "iint": "\u{222C}", "iiint": "\u{222D}", "oint": "\u{222E}",
    ]

    /// Named operators with limits under them in display (and as scripts inline): `<mo movablelimits="true">`.
    static let limitOperators: [String: String] = [
        "lim": "lim", "max": "max", "min": "min", "sup": "sup", "inf": "inf", "argmin": "arg\u{2009}min",
        "argmax": "arg\u{2009}max", "limsup": "lim\u{2009}sup", "liminf": "lim\u{2009}inf", "det": "det",
        "Pr": "Pr", "gcd": "gcd",
    ]

    /// Function names: upright `<mi>` followed by a thin space before an ordinary atom.
    static let functions: Set<String> = [
        "log", "ln", "lg", "exp", "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh",
        "cosh", "tanh", "coth", "dim", "ker", "deg", "hom", "arg",
    ]

    /// Spacing commands and their widths in em (negative for `\!`).
    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em", "medspace": "0.2222em",
        ";": "0.2778em", "thickspace": "0.2778em", "quad": "1em", "qquad": "2em", "!": "-0.1667em",
        "negthinspace": "-0.1667em", " ": "0.3333em", "enspace": "0.5em",
    ]

    /// `\big`-family commands and the size they give, in em.
    static let bigSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em",
        "Big": "1.8em", "Bigl": "1.8em", "Bigr": "1.8em", "Bigm": "1.8em",
        "bigg": "2.4em", "biggl": "2.4em", "biggr": "2.4em", "biggm": "2.4em",
        "Bigg": "3em", "Biggl": "3em", "Biggr": "3em", "Biggm": "3em",
    ]

    /// Accents over their argument: the accent character and whether it stretches to the argument's width.
    static let accents: [String: (String, stretchy: Bool)] = [
        "hat": ("^", false), "widehat": ("\u{0302}", true), "tilde": ("~", false), "widetilde": ("\u{0303}", true),
        "bar": ("\u{00AF}", false), "overline": ("\u{203E}", true), "vec": ("\u{2192}", false),
        "overrightarrow": ("\u{2192}", true), "overleftarrow": ("\u{2190}", true),
        "dot": ("\u{02D9}", false), "ddot": ("\u{00A8}", false), "check": ("\u{02C7}", false),
        "breve": ("\u{02D8}", false), "acute": ("\u{00B4}", false), "grave": ("`", false),
        "mathring": ("\u{02DA}", false),
    ]

    /// Characters typed directly that become `<mo>`, mapped to the character MathML should show.
    static let operatorCharacters: [Unicode.Scalar: String] = [
        "+": "+", "-": "\u{2212}", "*": "\u{2217}", "=": "=", "<": "<", ">": ">", ",": ",", ";": ";",
        ":": ":", "!": "!", "?": "?", ".": ".", "@": "@", "\"": "\"",
    ]
}

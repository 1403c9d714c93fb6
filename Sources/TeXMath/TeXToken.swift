/// One token of TeX math input, with the UTF-8 byte offset where it starts in the converted string.
struct TeXToken: Hashable, Sendable {
    /// What kind of token this is.
    enum Kind: Hashable, Sendable {
        /// `\name` (a control word of letters, or a control symbol such as `\,` or `\{`); name without the backslash.
        case command(String)
        /// Any other character: a letter, digit, punctuation or non-ASCII symbol.
        case character(Unicode.Scalar)
        /// `{`.
        case beginGroup
        /// `}`.
        case endGroup
        /// `^`.
        case superscript
        /// `_`.
        case subscriptMark
        /// `&`.
        case alignment
        /// `#1` ... `#9`, only meaningful inside macro bodies.
        case parameter(Int)
        /// A run of white space (kept because `\text{}` needs it; math mode skips it).
        case space
        /// `~`, a non-breaking space.
        case tie
    }

    /// The kind and payload.
    var kind: Kind
    /// UTF-8 byte offset of the token's first byte in the source.
    var offset: Int
}

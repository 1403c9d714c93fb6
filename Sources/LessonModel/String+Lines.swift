extension Substring {
    /// The text split at each `"\n"` Character, exactly as `split(separator: "\n", omittingEmptySubsequences:)` splits
    /// it, but by bytes when the text holds no carriage return: a `"\n"` is then always a Character of its own, and
    /// splitting a long lesson by bytes does not walk its grapheme clusters (a `"\r\n"` is one Character, which
    /// Character splitting does not split, so text with a `"\r"` is split the slow way).
    public func lines(omittingEmptySubsequences: Bool = false) -> [Substring] {
        guard !utf8.contains(UInt8(ascii: "\r")) else {
            return split(separator: "\n", omittingEmptySubsequences: omittingEmptySubsequences)
        }
        return utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: omittingEmptySubsequences)
            .map { Substring($0) }
    }
}

extension String {
    /// The text split at each `"\n"` Character (``Substring/lines(omittingEmptySubsequences:)``).
    public func lines(omittingEmptySubsequences: Bool = false) -> [Substring] {
        self[...].lines(omittingEmptySubsequences: omittingEmptySubsequences)
    }
}

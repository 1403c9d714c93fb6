import LessonModel

/// A text's lines as ``CrossReferences/scan(_:citations:shortcut:keepingText:)`` reads them (split at every
/// `"\n"`, as ``Swift/String/lines(omittingEmptySubsequences:)`` splits), found by their bytes.
///
/// A line with none of the bytes a scan looks for is told by a loop over the text's UTF-8 (``isPlain(_:citations:)``),
/// without making a `Substring` of it; a 20 MB lesson's prose is almost all such lines. A text with a carriage return
/// is split by Characters as before (a `"\r\n"` is one Character and splits nothing).
struct ProseLines {
    private let text: String
    /// Where each line starts in the text's UTF-8, and where the text ends; nil when split by Characters.
    private let starts: [Int]?
    private let split: [Substring]

    init(_ text: String) {
        self.text = text
        var text = text
        let starts = text.withUTF8 { bytes -> [Int]? in
            guard !bytes.contains(0x0D) else { return nil }
            // Without carriage returns, every break is a line feed.
            return [0] + bytes.lineBreakEnds() + [bytes.count + 1]
        }
        self.starts = starts
        split = starts == nil ? text.lines() : []
    }

    var count: Int { starts.map { $0.count - 1 } ?? split.count }

    subscript(index: Int) -> Substring {
        guard let starts else { return split[index] }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[index])
        let end = utf8.index(utf8.startIndex, offsetBy: starts[index + 1] - 1)
        return Substring(utf8[start..<end])
    }

    /// Whether line `index` has no `@`, `` ` `` or `~`, and with `citations` no `[`: it can hold no reference or
    /// citation and opens or closes no fence.
    func isPlain(_ index: Int, citations: Bool) -> Bool {
        guard let starts else {
            return !split[index].utf8.contains { Self.isSpecial($0, citations: citations) }
        }
        var text = text
        return text.withUTF8 { bytes in
            var offset = starts[index]
            let end = starts[index + 1] - 1
            while offset < end {
                if Self.isSpecial(bytes[offset], citations: citations) { return false }
                offset += 1
            }
            return true
        }
    }

    private static func isSpecial(_ byte: UInt8, citations: Bool) -> Bool {
        byte == 0x40 || byte == 0x60 || byte == 0x7E || (citations && byte == 0x5B)
    }
}

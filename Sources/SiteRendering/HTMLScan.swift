import LessonModel

/// Fast scans over HTML as UTF-8 bytes (Foundation's string search bridges to UTF-16 and dominated the build).
enum HTMLScan {
    /// Every value of `name="…"` (preceded by a space) in `html`, in order.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        let needle = Array(" \(name)=\"".utf8)
        var values: [String] = []
        var html = html
        html.withUTF8 { bytes in
            var i = 0
            while let start = find(needle, in: bytes, from: i) {
                let valueStart = start + needle.count
                var end = valueStart
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
                values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self))
                i = end
            }
        }
        return values
    }

    /// The first index ≥ `from` where `needle` occurs in `bytes` (LessonModel's byte search).
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        needle.isEmpty ? nil : bytes.firstIndex(of: needle, from: from)
    }

    /// `html` with every placeholder `PREFIX<number>X` replaced by `values[number]`, in one pass; a placeholder
    /// that fills a paragraph on its own (`<p>PREFIX7X</p>`) loses the paragraph when `dropParagraph` is set.
    static func fill(_ html: String, prefix: String, with values: [String], dropParagraph: Bool = false) -> String {
        let marker = Array(prefix.utf8)
        assert(marker.allSatisfy { $0 < 0x80 }, "placeholder prefixes are ASCII, so the page is cut only between characters")
        var html = html
        // No placeholder: the page as it is (copying and checking its bytes again was a tenth of a preview rebuild).
        guard html.withUTF8({ find(marker, in: $0, from: 0) }) != nil else { return html }
        // The pieces to keep, as byte ranges of `html`, and the values between them.
        var pieces: [(kept: Range<Int>, value: Int?)] = []
        html.withUTF8 { bytes in
            var i = 0
            while let start = find(marker, in: bytes, from: i) {
                var end = start + marker.count, number = 0, digits = 0
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                    number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                    digits += 1
                }
                guard digits > 0, end < bytes.count, bytes[end] == UInt8(ascii: "X"), number < values.count else {
                    pieces.append((i..<(start + 1), nil))
                    i = start + 1
                    continue
                }
                var copyEnd = start, resume = end + 1
                if dropParagraph, start >= paragraphOpen.count,
                    bytes[(start - paragraphOpen.count)..<start].elementsEqual(paragraphOpen),
                    resume + paragraphClose.count <= bytes.count,
                    bytes[resume..<(resume + paragraphClose.count)].elementsEqual(paragraphClose)
                {
                    copyEnd = start - paragraphOpen.count
                    resume += paragraphClose.count
                }
                pieces.append((i..<copyEnd, number))
                i = resume
            }
            pieces.append((i..<bytes.count, nil))
        }
        // Put together from slices of the page and the values, which are valid UTF-8 already and cut only at ASCII
        // bytes: appending them copies bytes without checking them again (decoding the joined bytes did, a tenth
        // of rebuilding a long lesson, once per kind of placeholder).
        var output = ""
        output.reserveCapacity(html.utf8.count + pieces.reduce(0) { $0 + ($1.value.map { values[$0].utf8.count } ?? 0) })
        let utf8 = html.utf8
        for piece in pieces {
            let lower = utf8.index(utf8.startIndex, offsetBy: piece.kept.lowerBound)
            let upper = utf8.index(lower, offsetBy: piece.kept.count)
            output += html[lower..<upper]
            if let value = piece.value { output += values[value] }
        }
        return output
    }

    private static let paragraphOpen = Array("<p>".utf8), paragraphClose = Array("</p>".utf8)

    /// `html` with the first occurrence of `target` replaced by `replacement`.
    static func replacingFirst(_ target: String, with replacement: String, in html: String) -> String {
        var html = html
        let needle = Array(target.utf8)
        let found = html.withUTF8 { find(needle, in: $0, from: 0) }
        guard let start = found else { return html }
        var bytes = Array(html.utf8)
        bytes.replaceSubrange(start..<(start + needle.count), with: Array(replacement.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }
}

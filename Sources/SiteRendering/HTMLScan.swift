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
        var output: [UInt8] = []
        var html = html
        // No placeholder: the page as it is (copying and checking its bytes again was a tenth of a preview rebuild).
        guard html.withUTF8({ find(marker, in: $0, from: 0) }) != nil else { return html }
        html.withUTF8 { bytes in
            output.reserveCapacity(bytes.count)
            var i = 0
            while let start = find(marker, in: bytes, from: i) {
                var end = start + marker.count, number = 0, digits = 0
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                    number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                    digits += 1
                }
                guard digits > 0, end < bytes.count, bytes[end] == UInt8(ascii: "X"), number < values.count else {
                    output.append(contentsOf: bytes[i..<(start + 1)])
                    i = start + 1
                    continue
                }
                var copyEnd = start, resume = end + 1
                let open = Array("<p>".utf8), close = Array("</p>".utf8)
                if dropParagraph, start >= open.count, Array(bytes[(start - open.count)..<start]) == open,
                    resume + close.count <= bytes.count, Array(bytes[resume..<(resume + close.count)]) == close
                {
                    copyEnd = start - open.count
                    resume += close.count
                }
                output.append(contentsOf: bytes[i..<copyEnd])
                output.append(contentsOf: values[number].utf8)
                i = resume
            }
            output.append(contentsOf: bytes[i...])
        }
        return String(decoding: output, as: UTF8.self)
    }

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

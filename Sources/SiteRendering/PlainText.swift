/// Text from HTML fragments, for tables of contents, search and anchors.
enum PlainText {
    /// The text of an HTML fragment: tags dropped, each `<math>` read as its `alttext` (the formula as readable
    /// text, no TeX), the page's own controls left out (cell headers with their buttons, heading anchors, the line that
    /// stands for a hidden test), the five basic entities decoded, whitespace collapsed.
    ///
    /// Read by bytes, as HTML is read by code points: every byte this looks for is ASCII, so no match splits a
    /// scalar. (Reading it Character by Character, with Foundation's searches, was a sixth of building 1,000 pages.)
    static func of(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count)
            var inTag = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    if starts(bytes, at: index, with: mathOpen), let end = find(closeMath, in: bytes, from: index) {
                        let tagEnd = find(closeAngle, in: bytes, from: index) ?? end
                        // The narrow layout of a long display repeats the wide one: read once.
                        if find(narrowClass, in: bytes, from: index, before: tagEnd) == nil,
                            let start = find(altText, in: bytes, from: index, before: tagEnd),
                            let close = find(quote, in: bytes, from: start + altText.count, before: tagEnd)
                        {
                            text.append(UInt8(ascii: " "))
                            text.append(contentsOf: bytes[(start + altText.count)..<close])
                            text.append(UInt8(ascii: " "))
                        }
                        index = end + closeMath.count
                        continue
                    }
                    if let skipped = skippedElement(bytes, at: index) {
                        index = skipped
                        text.append(UInt8(ascii: " "))
                        continue
                    }
                    inTag = true
                } else if byte == UInt8(ascii: ">") && inTag {
                    inTag = false
                } else if !inTag {
                    text.append(byte)
                }
                index += 1
            }
            return collapsingWhitespace(decodingEntities(text))
        }
    }

    private static let mathOpen = Array("<math".utf8), closeMath = Array("</math>".utf8)
    private static let closeAngle = Array(">".utf8), quote = Array("\"".utf8)
    private static let narrowClass = Array("class=\"narrow\"".utf8), altText = Array("alttext=\"".utf8)
    /// The page's controls: where one of these opens, its text is skipped up to the close.
    private static let controls: [(open: [UInt8], close: [UInt8])] = [
        ("<div class=\"cell-head\"", "</div>"), ("<a class=\"anchor\"", "</a>"), ("<button", "</button>"),
        ("<p class=\"cell hidden-test\"", "</p>"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
    /// The five basic entities and what they stand for.
    private static let entities: [(name: [UInt8], byte: UInt8)] = [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
    ].map { (Array($0.0.utf8), UInt8(ascii: $0.1)) }

    /// Where a control element starts at `index`, the index after its close (nil: none starts there, or it is not
    /// closed).
    private static func skippedElement(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        for control in controls where starts(bytes, at: index, with: control.open) {
            return find(control.close, in: bytes, from: index).map { $0 + control.close.count }
        }
        return nil
    }

    /// Entities decoded in one pass, left to right: the same as replacing each of them in turn with `&amp;` last
    /// (a decoded character never starts an entity, and `&amp;lt;` stays `&lt;`).
    private static func decodingEntities(_ text: [UInt8]) -> [UInt8] {
        guard text.contains(UInt8(ascii: "&")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        text.withUnsafeBufferPointer { bytes in
            outer: while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&") {
                    for entity in entities where starts(bytes, at: index, with: entity.name) {
                        out.append(entity.byte)
                        index += entity.name.count
                        continue outer
                    }
                }
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// Runs of spaces, line feeds and tabs as one space, none at the ends.
    private static func collapsingWhitespace(_ text: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var pendingSpace = false
        for byte in text {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
            pendingSpace = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with pattern: [UInt8]) -> Bool {
        guard bytes.count - index >= pattern.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The first index at or after `from` (and whose match ends by `before`, default the end) where `pattern` is.
    private static func find(
        _ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, before limit: Int? = nil
    ) -> Int? {
        HTMLScan.find(pattern, in: UnsafeBufferPointer(rebasing: bytes[..<(limit ?? bytes.count)]), from: from)
    }

    /// An anchor from heading text: lowercase ASCII letters and digits, other runs become one `-`.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}

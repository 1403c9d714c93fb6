/// Text from HTML fragments, for tables of contents, search and anchors.
enum PlainText {
    /// The text of an HTML fragment: tags dropped, each `<math>` read as its `alttext` (the formula as readable
    /// text, no TeX), the page's own controls left out (cell headers with their buttons, heading anchors, the line that
    /// stands for a hidden test), the five
    /// basic entities decoded, whitespace collapsed.
    static func of(_ html: String) -> String {
        var text = ""
        var inTag = false
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                let rest = html[index...]
                if rest.hasPrefix("<math"), let end = rest.range(of: "</math>") {
                    let tagEnd = rest.firstIndex(of: ">") ?? end.lowerBound
                    let tag = rest[..<tagEnd]
                    // The narrow layout of a long display repeats the wide one: read once.
                    if !tag.contains("class=\"narrow\""), let start = tag.range(of: "alttext=\""), let close = tag[start.upperBound...].firstIndex(of: "\"") {
                        text += " " + tag[start.upperBound..<close] + " "
                    }
                    index = end.upperBound
                    continue
                }
                if let skipped = skippedElement(rest) {
                    index = skipped
                    text += " "
                    continue
                }
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
            index = html.index(after: index)
        }
        let decoded = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return decoded.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Elements that are the page's controls, not its text: where one starts at `rest`, the index after it.
    static func skippedElement(_ rest: Substring) -> String.Index? {
        for (open, close) in [("<div class=\"cell-head\"", "</div>"), ("<a class=\"anchor\"", "</a>"), ("<button", "</button>"),
            ("<p class=\"cell hidden-test\"", "</p>")]
        where rest.hasPrefix(open) {
            return rest.range(of: close)?.upperBound
        }
        return nil
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

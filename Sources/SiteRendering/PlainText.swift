/// Text from HTML fragments, for tables of contents, search and anchors.
enum PlainText {
    /// The text of an HTML fragment: tags dropped (MathML's TeX annotation kept as the math's text), the five
    /// basic entities decoded, whitespace collapsed.
    static func of(_ html: String) -> String {
        var text = ""
        var inTag = false
        var skippingMath = 0
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                let rest = html[index...]
                if rest.hasPrefix("<math") { skippingMath += 1 }
                if rest.hasPrefix("</math") { skippingMath = max(0, skippingMath - 1) }
                if rest.hasPrefix("<annotation"), let close = rest.firstIndex(of: ">"),
                    let end = rest.range(of: "</annotation>")
                {
                    text += " " + rest[rest.index(after: close)..<end.lowerBound] + " "
                    index = end.upperBound
                    continue
                }
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
            } else if !inTag && skippingMath == 0 {
                text.append(character)
            }
            index = html.index(after: index)
        }
        let decoded = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return decoded.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
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

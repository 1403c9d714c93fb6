import LessonModel
import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Highlights Swift code at build time with swift-syntax's parser and its syntax classification (the same
/// token kinds an editor uses), as HTML spans with short class names styled by the site's CSS.
public enum SwiftHighlighter {
    /// `code` as HTML: escaped text with `<span class="…">` around keywords, strings, numbers, comments, types.
    /// Remembered by code for the life of the process (``HighlightMemo``).
    public static func html(_ code: String) -> String { HighlightMemo.swift.html(code) }

    /// `code` as HTML, parsed and classified now.
    static func highlight(_ code: String) -> String {
        let tree = Parser.parse(source: code)
        let bytes = Array(code.utf8)
        var html = ""
        var position = 0
        for classified in tree.classifications {
            let start = classified.range.lowerBound.utf8Offset, end = classified.range.upperBound.utf8Offset
            guard start >= position, end <= bytes.count else { continue }
            if start > position { html += HTMLText.escape(String(decoding: bytes[position..<start], as: UTF8.self)) }
            let text = HTMLText.escape(String(decoding: bytes[start..<end], as: UTF8.self))
            if let name = className(classified.kind) {
                html += "<span class=\"\(name)\">\(text)</span>"
            } else {
                html += text
            }
            position = end
        }
        if position < bytes.count { html += HTMLText.escape(String(decoding: bytes[position...], as: UTF8.self)) }
        return html
    }

    /// The CSS class of a classification (nil: plain text).
    static func className(_ kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword: "kw"
        case .stringLiteral: "st"
        case .integerLiteral, .floatLiteral: "nu"
        case .lineComment, .blockComment: "co"
        case .docLineComment, .docBlockComment: "dc"
        case .type: "ty"
        case .attribute: "at"
        case .operator: "op"
        default: nil
        }
    }
}

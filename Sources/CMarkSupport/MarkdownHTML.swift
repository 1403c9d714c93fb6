import CCmark
import Foundation

/// Renders CommonMark to HTML with libcmark.
///
/// Raw HTML in the Markdown is kept (`CMARK_OPT_UNSAFE`): lessons are written by the course's authors, and
/// their generated outputs (tables) are HTML. Student submissions are never rendered into the site.
public enum MarkdownHTML {
    /// The HTML of `markdown`, with typographic quotes and dashes left as written.
    public static func render(_ markdown: String) -> String {
        var bytes = Array(markdown.utf8)
        bytes.append(0)
        guard let html = bytes.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_markdown_to_html(chars.baseAddress, bytes.count - 1, CMARK_OPT_UNSAFE)
            }
        }) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}

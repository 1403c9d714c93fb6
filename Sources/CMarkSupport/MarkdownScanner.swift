import CCmark

/// Finds the code, HTML and heading blocks and the code spans of a Markdown text with libcmark, with their
/// source positions.
///
/// cmark's tree is created, walked and freed inside ``scan(_:)``; no cmark pointer escapes it.
public enum MarkdownScanner {
    /// The code blocks, HTML blocks and headings of `bytes` (UTF-8 Markdown), in document order.
    public static func blocks(in bytes: [UInt8]) -> [MarkdownBlock] {
        scan(bytes).blocks
    }

    /// The code blocks, HTML blocks and headings of `bytes`, and its code spans, each in document order.
    public static func scan(_ bytes: [UInt8]) -> (blocks: [MarkdownBlock], codeSpans: [MarkdownCodeSpan]) {
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }) else { return ([], []) }
        defer { cmark_node_free(document) }

        var blocks: [MarkdownBlock] = []
        var codeSpans: [MarkdownCodeSpan] = []
        let lines = LineStarts(bytes: bytes)
        guard let iterator = cmark_iter_new(document) else { return ([], []) }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_CODE {
                if let span = codeSpan(from: node, lines: lines) { codeSpans.append(span) }
            } else if let block = block(from: node, document: document, lines: lines) {
                blocks.append(block)
            }
        }
        return (blocks, codeSpans)
    }

    /// A code span with its backtick runs located in the source. cmark 0.30 gives the first byte after the
    /// opening run as the start; its end line is unreliable for spans that cross lines, so the closing run is
    /// found by scanning.
    private static func codeSpan(from node: OpaquePointer, lines: LineStarts) -> MarkdownCodeSpan? {
        let line = Int(cmark_node_get_start_line(node))
        let contentStart = lines.offset(line: line, column: Int(cmark_node_get_start_column(node)))
        let bytes = lines.bytes
        var start = contentStart
        while start > 0, bytes[start - 1] == 0x60 { start -= 1 }
        let runLength = contentStart - start
        guard runLength > 0 else { return nil }
        var index = contentStart
        while index < bytes.count {
            guard bytes[index] == 0x60 else { index += 1; continue }
            var runEnd = index
            while runEnd < bytes.count, bytes[runEnd] == 0x60 { runEnd += 1 }
            if runEnd - index == runLength {
                let crossesLines = bytes[contentStart..<index].contains { $0 == 0x0A || $0 == 0x0D }
                return MarkdownCodeSpan(
                    literal: string(cmark_node_get_literal(node)), range: start..<runEnd, line: line,
                    column: start - lines.offset(line: line, column: 1) + 1, crossesLines: crossesLines)
            }
            index = runEnd
        }
        return nil
    }

    private static func block(from node: OpaquePointer, document: OpaquePointer, lines: LineStarts) -> MarkdownBlock? {
        let kind: MarkdownBlock.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_CODE_BLOCK:
            // cmark 0.30 does not expose the fence; read it from the block's first line.
            let fence = Self.fence(
                in: lines, line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
            if let fence {
                kind = .fencedCode(
                    info: string(cmark_node_get_fence_info(node)), fenceCharacter: fence.character,
                    fenceLength: fence.length)
            } else {
                kind = .indentedCode
            }
        case CMARK_NODE_HTML_BLOCK:
            kind = .html
        case CMARK_NODE_HEADING:
            kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        default:
            return nil
        }
        let literal = kind == .heading(level: 0) ? "" : string(cmark_node_get_literal(node))
        let startLine = Int(cmark_node_get_start_line(node))
        var endLine = max(startLine, Int(cmark_node_get_end_line(node)))
        if kind == .html {
            // cmark 0.30 reports an HTML block's end line one too low; its literal holds every line.
            let newlines = literal.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            endLine = startLine + max(0, newlines - (literal.utf8.last == 0x0A ? 1 : 0))
        }
        return MarkdownBlock(
            kind: kind,
            literal: literal,
            startLine: startLine,
            endLine: endLine,
            isTopLevel: cmark_node_parent(node) == document)
    }

    /// The fence (character and run length) opening a code block at `line`, `column` (1-based), if any.
    private static func fence(in lines: LineStarts, line: Int, column: Int) -> (character: Character, length: Int)? {
        var offset = lines.offset(line: line, column: column)
        let bytes = lines.bytes
        while offset < bytes.count, bytes[offset] == 0x20 { offset += 1 }
        guard offset < bytes.count, bytes[offset] == 0x60 || bytes[offset] == 0x7E else { return nil }
        let fenceByte = bytes[offset]
        var length = 0
        while offset + length < bytes.count, bytes[offset + length] == fenceByte { length += 1 }
        return length >= 3 ? (Character(Unicode.Scalar(fenceByte)), length) : nil
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

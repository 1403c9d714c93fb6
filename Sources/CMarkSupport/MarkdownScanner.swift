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
    ///
    /// A text of several megabytes is parsed in pieces of about a megabyte on every core (``MarkdownPieces``); the
    /// result is what parsing it whole gives.
    public static func scan(_ bytes: [UInt8]) -> (blocks: [MarkdownBlock], codeSpans: [MarkdownCodeSpan]) {
        scan(bytes, pieces: MarkdownPieces.count(forBytes: bytes.count))
    }

    /// ``scan(_:)`` in at most `pieces` pieces (tests choose small pieces to try every kind of boundary).
    static func scan(_ bytes: [UInt8], pieces: Int) -> (blocks: [MarkdownBlock], codeSpans: [MarkdownCodeSpan]) {
        let result = MarkdownPieces(bytes: bytes, count: pieces).scan()
        return (result.blocks, result.codeSpans)
    }

    /// Parses `bytes` whole with cmark. Lines and offsets are the piece's own.
    ///
    /// The tree lives in this thread's ``CMarkArena`` until the scan has copied out what it needs; `inArena: false`
    /// uses the C library's allocator instead (for tests).
    static func scanPiece(_ bytes: [UInt8], inArena: Bool = true) -> MarkdownPieceScan {
        var result = MarkdownPieceScan()
        let arena = inArena ? CMarkArena.ofThisThread : nil
        defer { arena?.reset() }
        let allocator = inArena ? CMarkArena.allocator : cmark_get_default_mem_allocator()
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, allocator) else { return result }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in cmark_parser_feed(parser, chars.baseAddress, chars.count) }
        }
        let finished = cmark_parser_finish(parser)
        cmark_parser_free(parser)
        guard let document = finished else { return result }
        defer { if !inArena { cmark_node_free(document) } }

        let lines = LineStarts(bytes: bytes)
        result.lineCount = lines.count
        // Only the last block in the document can still be open where the text ends: a block that ended before
        // reports an earlier last line (a closing fence, an HTML block's end, the line before a blank line).
        if let last = cmark_node_last_child(document) {
            result.lastBlockReachesEnd = Int(cmark_node_get_end_line(last)) >= lines.count
        }
        guard let iterator = cmark_iter_new(document) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_CODE {
                if let span = codeSpan(from: node, lines: lines) { result.codeSpans.append(span) }
            } else if let block = block(from: node, document: document, lines: lines) {
                result.blocks.append(block)
            }
        }
        return result
    }

    /// A code span with its backtick runs located in the source. cmark 0.30 gives the first byte after the
    /// opening run as the start; its end line is unreliable for spans that cross lines, so the closing run is
    /// found by scanning, up to the end of the paragraph or heading cmark puts the span in (a span never leaves
    /// its block, and a text cut in pieces finds the same spans). cmark's start is wrong on some lines (a lazy
    /// continuation line of a list item, a paragraph with lone carriage returns); where no backtick run ends
    /// there, or no closing run follows in the block, the span is left out, as before.
    private static func codeSpan(from node: OpaquePointer, lines: LineStarts) -> MarkdownCodeSpan? {
        var block = cmark_node_parent(node)
        while let parent = block, cmark_node_get_type(parent) != CMARK_NODE_PARAGRAPH,
            cmark_node_get_type(parent) != CMARK_NODE_HEADING
        {
            block = cmark_node_parent(parent)
        }
        guard let block else { return nil }
        let bytes = lines.bytes
        let end = lines.offset(line: Int(cmark_node_get_end_line(block)) + 1, column: 1)
        let line = Int(cmark_node_get_start_line(node))
        let contentStart = lines.offset(line: line, column: Int(cmark_node_get_start_column(node)))
        var start = contentStart
        while start > 0, bytes[start - 1] == 0x60 { start -= 1 }
        guard start < contentStart, contentStart <= end,
            let range = Self.spanRange(in: bytes, opening: start..<contentStart, before: end)
        else { return nil }
        let content = bytes[contentStart..<(range.upperBound - (contentStart - start))]
        return MarkdownCodeSpan(
            literal: string(cmark_node_get_literal(node)), range: range, line: line,
            column: start - lines.offset(line: line, column: 1) + 1,
            crossesLines: content.contains { $0 == 0x0A || $0 == 0x0D })
    }

    /// The bytes of the code span that `opening` (a backtick run) opens, to the end of the next run of the same
    /// length before `end`; nil without one.
    private static func spanRange(in bytes: [UInt8], opening: Range<Int>, before end: Int) -> Range<Int>? {
        var index = opening.upperBound
        while index < end {
            guard bytes[index] == 0x60 else { index += 1; continue }
            var runEnd = index
            while runEnd < end, bytes[runEnd] == 0x60 { runEnd += 1 }
            if runEnd - index == opening.count { return opening.lowerBound..<runEnd }
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
        let startLine = Int(cmark_node_get_start_line(node))
        var endLine = max(startLine, Int(cmark_node_get_end_line(node)))
        if kind == .html, let literal = cmark_node_get_literal(node) {
            // cmark 0.30 reports an HTML block's end line one too low; its literal holds every line.
            var newlines = 0
            var length = 0
            while literal[length] != 0 {
                if literal[length] == 0x0A { newlines += 1 }
                length += 1
            }
            endLine = startLine + max(0, newlines - (length > 0 && literal[length - 1] == 0x0A ? 1 : 0))
        }
        return MarkdownBlock(
            kind: kind,
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

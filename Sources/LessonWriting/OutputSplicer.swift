public import LessonModel

/// Writes generated output blocks and inline values into a lesson's text and removes them, touching no other byte.
///
/// A block sits right after its cell: one empty line, the begin marker, the output, the end marker. An inline
/// value sits right after its expression's closing backticks (``StoredInlineValue``).
/// Invariants (tested as properties): `clear(splice(x)) == clear(x)`, `splice(splice(x)) == splice(x)`,
/// `clear(clear(x)) == clear(x)`.
public enum OutputSplicer {
    /// A new text where each cell in `blocks` (by cell index) has exactly that block, orphans removed and other
    /// cells' blocks left as they are.
    /// - Parameters:
    ///   - blocks: the block lines for each cell to write (see ``OutputRenderer``).
    ///   - inlineValues: for each inline expression to update (by index), the stored value to put after it
    ///     (``StoredInlineValue/markup(hash:text:)``), or an empty string to remove the one there.
    public static func splice(_ lesson: Lesson, blocks: [Int: [String]], inlineValues: [Int: String] = [:]) -> [UInt8] {
        var edits: [Edit] = lesson.orphanOutputs.map { Edit(range: region(ofOrphan: $0, in: lesson.source), text: []) }
        for cell in lesson.cells {
            guard let lines = blocks[cell.index] else { continue }
            edits.append(edit(for: cell, lines: lines, in: lesson.source))
        }
        for expression in lesson.inlineExpressions {
            guard let markup = inlineValues[expression.index] else { continue }
            edits.append(Edit(range: expression.range.upperBound..<expression.fullRange.upperBound, text: Array(markup.utf8)))
        }
        return apply(edits, to: lesson.source.bytes)
    }

    /// The text with every generated output block and inline value removed.
    public static func clear(_ lesson: Lesson) -> [UInt8] {
        let blocks = lesson.cells.compactMap(\.output).map { Edit(range: region(of: $0, in: lesson.source), text: []) }
        let orphans = lesson.orphanOutputs.map { Edit(range: region(ofOrphan: $0, in: lesson.source), text: []) }
        let values = lesson.inlineExpressions.compactMap(\.stored).map { Edit(range: $0.range, text: []) }
        return apply(blocks + orphans + values, to: lesson.source.bytes)
    }

    // MARK: Regions

    private struct Edit {
        var range: Range<Int>
        var text: [UInt8]
    }

    private static func edit(for cell: CodeCell, lines: [String], in source: SourceText) -> Edit {
        // A lone CR would join a line feed after the block into one CRLF (and lose a line): write CRLF instead.
        let terminator = source.terminator(ofLine: cell.closingFenceLine) ?? source.dominantTerminator
        let eol = terminator == "\r" ? "\r\n" : terminator
        if let block = cell.output {
            let range = region(of: block, in: source)
            return Edit(range: range, text: blockText(lines, eol: eol, atEndOfFile: !source.hasTerminator(line: block.endLine)))
        }
        let offset = source.endOffset(ofLine: cell.closingFenceLine)
        let atEnd = !source.hasTerminator(line: cell.closingFenceLine)
        return Edit(range: offset..<offset, text: blockText(lines, eol: eol, atEndOfFile: atEnd))
    }

    /// The bytes a block occupies, including the empty line before it; when the block ends the file without a
    /// terminator, the region starts at the terminator of the line before the empty line instead.
    private static func region(of block: OutputBlock, in source: SourceText, takesBlankBefore: Bool = true) -> Range<Int> {
        let end = source.endOffset(ofLine: block.endLine)
        let hasBlankBefore = takesBlankBefore && block.beginLine > 1 && source.isBlank(line: block.beginLine - 1)
        let firstLine = hasBlankBefore ? block.beginLine - 1 : block.beginLine
        let start = source.hasTerminator(line: block.endLine) || firstLine == 1
            ? source.startOffset(ofLine: firstLine) : source.contentEndOffset(ofLine: firstLine - 1)
        return start..<end
    }

    /// An orphan block (not written after a cell by the runner) takes the blank line before it only when a blank
    /// line or the end of the file follows it, so that removing it never joins the blocks around it into one.
    private static func region(ofOrphan block: OutputBlock, in source: SourceText) -> Range<Int> {
        let isLast = block.endLine >= source.lineCount
        return region(of: block, in: source, takesBlankBefore: isLast || source.isBlank(line: block.endLine + 1))
    }

    private static func blockText(_ lines: [String], eol: String, atEndOfFile: Bool) -> [UInt8] {
        if atEndOfFile {
            return Array((eol + eol + lines.joined(separator: eol)).utf8)
        }
        return Array((eol + lines.map { $0 + eol }.joined()).utf8)
    }

    private static func apply(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.text.count })
        var position = 0
        // An insertion at the offset where a removal starts goes first; an edit inside a region already replaced
        // (a value inside a damaged block that is being removed) is dropped with it.
        for edit in edits.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            guard edit.range.lowerBound >= position else { continue }
            result += bytes[position..<edit.range.lowerBound]
            // Removing a region between a lone CR and a line feed would join them into one CRLF and lose a line (a
            // damaged block may sit there): that line feed's empty line becomes a CRLF one, whatever replaces the
            // region, so removing and replacing agree.
            let joinsCRLF = !edit.range.isEmpty && result.last == 0x0D && edit.range.upperBound < bytes.count
                && bytes[edit.range.upperBound] == 0x0A
            result += edit.text
            if joinsCRLF { result.append(0x0D) }
            position = edit.range.upperBound
        }
        result += bytes[position...]
        return result
    }
}

extension SourceText {
    /// The terminator of the first line that has one, or `"\n"`.
    var dominantTerminator: String {
        for line in 1...lineCount {
            if let terminator = terminator(ofLine: line) { return terminator }
        }
        return "\n"
    }
}

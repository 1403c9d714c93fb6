public import LessonModel
import CMarkSupport

/// Turns a lesson file's bytes into a ``Lesson``: front matter, `{swift}` cells with their options, and the
/// generated output blocks already in the text. Problems become diagnostics with file:line:column.
public enum LessonParser {
    /// The info string that marks an executable cell (Quarto's convention).
    public static let executableInfo = "{swift}"

    /// Parses `bytes`, the content of the lesson shown as `displayPath` in diagnostics.
    /// - Returns: the lesson, or nil when an error makes it unsafe to run or edit; and all diagnostics.
    public static func parse(_ bytes: [UInt8], displayPath: String) -> (Lesson?, [Diagnostic]) {
        // A long text is validated while its lines are indexed.
        let (invalidOffset, indexed) = bytes.count < Self.concurrentBytes
            ? (UTF8Validation.firstInvalidOffset(in: bytes), nil)
            : Self.validatedAndIndexed(bytes)
        if let offset = invalidOffset {
            let lines = indexed ?? SourceText(bytes: bytes)
            let line = lines.line(containingOffset: offset)
            let lineStart = lines.startOffset(ofLine: line)
            let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
            let message = "the file is not valid UTF-8 (invalid byte 0x\(String(bytes[offset], radix: 16)))"
            return (nil, [Diagnostic(
                .error, "file.not-utf8", message, at: SourceLocation(file: displayPath, line: line, column: column))])
        }
        let source = indexed ?? SourceText(bytes: bytes)
        var diagnostics: [Diagnostic] = []
        let (frontMatter, frontMatterDiagnostics) = FrontMatterParser.parse(source, file: displayPath)
        diagnostics += frontMatterDiagnostics

        // cmark must not see the front matter (it would read '---' as a rule); blank it, keeping line numbers.
        let frontMatterEnd = frontMatter?.lines?.last ?? 0
        var markdown = [UInt8](repeating: 0x0A, count: frontMatterEnd)
        markdown += bytes[(frontMatterEnd > 0 ? source.endOffset(ofLine: frontMatterEnd) : 0)...]
        let (blocks, codeSpans) = MarkdownScanner.scan(markdown)

        var builder = CellCollector(source: source, file: displayPath)
        builder.collect(blocks)
        diagnostics += builder.diagnostics
        // Code span offsets are into `markdown`; after the blanked front matter they are shifted by its length.
        let shift = frontMatterEnd > 0 ? source.endOffset(ofLine: frontMatterEnd) - frontMatterEnd : 0
        let shiftedSpans = codeSpans.map { span in
            var span = span
            span.range = (span.range.lowerBound + shift)..<(span.range.upperBound + shift)
            return span
        }
        let (inlineExpressions, inlineDiagnostics) = InlineExpressionCollector.collect(
            shiftedSpans, source: source, file: displayPath)
        diagnostics += inlineDiagnostics
        diagnostics.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }

        guard let frontMatter, !Diagnostic.containsError(diagnostics) else { return (nil, diagnostics) }
        let lesson = Lesson(
            displayPath: displayPath, source: source, frontMatter: frontMatter, cells: builder.cells,
            orphanOutputs: builder.orphans, inlineExpressions: inlineExpressions)
        return (lesson, diagnostics)
    }

    /// Texts of at least this many bytes are validated on one thread while another indexes their lines.
    static let concurrentBytes = 2 << 20

    /// The first invalid UTF-8 offset of `bytes` and its line index, computed at the same time.
    private static func validatedAndIndexed(_ bytes: [UInt8]) -> (Int?, SourceText?) {
        let results = WorkerPool(width: 2).map([false, true]) { indexes -> (Int?, SourceText?) in
            indexes ? (nil, SourceText(bytes: bytes)) : (UTF8Validation.firstInvalidOffset(in: bytes), nil)
        }
        return (results[0].0, results[1].1)
    }
}

import CMarkSupport
import Foundation
import LessonModel

/// Walks cmark's blocks and collects executable cells, their options and their output blocks.
///
/// The walk finds where cells and output blocks are; what each one holds (a cell's options, whether an output
/// block is as its marker says) is read afterwards, a long lesson's cells shared among the cores.
struct CellCollector {
    let source: SourceText
    let file: String
    private(set) var cells: [CodeCell] = []
    private(set) var orphans: [OutputBlock] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The line of an output block's begin marker whose end marker has not come yet.
    private var pendingBegin: Int?

    init(source: SourceText, file: String) {
        self.source = source
        self.file = file
    }

    mutating func collect(_ blocks: [MarkdownBlock]) {
        for block in blocks {
            switch block.kind {
            case .fencedCode(let info, let character, let length):
                collectCode(block, info: info, fenceCharacter: character, fenceLength: length)
            case .html:
                collectHTML(block)
            case .indentedCode, .heading:
                break
            }
        }
        if let pendingBegin {
            diagnostics.append(Diagnostic(
                .error, "output.unterminated",
                "generated output block has no '\(OutputMarker.endLine)' line; fix or delete it by hand",
                at: location(pendingBegin)))
        }
        readCellsAndOutputs()
        checkUniqueIds()
    }

    private func location(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private mutating func collectCode(
        _ block: MarkdownBlock, info: String, fenceCharacter: Character, fenceLength: Int
    ) {
        // The info string is `{swift}` with nothing but spaces and tabs around it.
        let isCell = info.utf8.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }
            .elementsEqual(LessonParser.executableInfo.utf8.reversed())
        // Inside a block quote or list item a fence is ordinary Markdown (cmark closes it with its container);
        // only a cell there is an error.
        guard block.isTopLevel else {
            if isCell {
                diagnostics.append(Diagnostic(
                    .error, "cell.nested",
                    "a {swift} cell must be at the top level of the lesson, not inside a list or block quote",
                    at: location(block.startLine)))
            }
            return
        }
        let isClosed = block.endLine > block.startLine
            && isClosingFence(source.contentBytes(ofLine: block.endLine), character: fenceCharacter, length: fenceLength)
        if !isClosed {
            diagnostics.append(Diagnostic(
                .error, "fence.unterminated",
                "code fence opened here is never closed (add a line of \(fenceLength) '\(fenceCharacter)')",
                at: location(block.startLine)))
            return
        }
        guard isCell else { return }
        if let pendingBegin {
            // An output block never holds a cell: removing or replacing it would delete the author's code.
            diagnostics.append(Diagnostic(
                .error, "output.unterminated",
                "generated output block has no '\(OutputMarker.endLine)' line before the cell at line \(block.startLine); "
                    + "fix or delete it by hand",
                at: location(pendingBegin)))
            self.pendingBegin = nil
        }
        // Source, options and id are read by readCellsAndOutputs().
        cells.append(CodeCell(
            index: cells.count, id: "", options: CellOptions(), source: "",
            openingFenceLine: block.startLine, closingFenceLine: block.endLine))
    }

    /// Cells with fewer than this many are read on the calling thread.
    private static let cellsReadAtOnce = 512

    /// Reads every cell's options (and so its id) and checks every output block against its marker.
    private mutating func readCellsAndOutputs() {
        let (cells, source, file) = (self.cells, self.source, self.file)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let parts = cells.count < Self.cellsReadAtOnce ? 1 : cores * 4
        let ranges = (0..<parts).map { part in (cells.count * part / parts)..<(cells.count * (part + 1) / parts) }
        // Each part gives its cells' sources, options and checked outputs, not copies of the cells.
        let read = WorkerPool(width: parts == 1 ? 1 : cores).map(ranges) {
            range -> ([(String, CellOptions, OutputBlock?)], [Diagnostic]) in
            var diagnostics: [Diagnostic] = []
            let read = cells[range].map { cell -> (String, CellOptions, OutputBlock?) in
                let body = cell.closingFenceLine - cell.openingFenceLine > 1
                    ? source.text(of: LineRange(cell.openingFenceLine + 1, cell.closingFenceLine - 1)) : ""
                let (options, optionDiagnostics) = CellOptionParser.parse(
                    body, firstLine: cell.openingFenceLine + 1, file: file)
                diagnostics += optionDiagnostics
                return (body, options, cell.output.map { Self.checked($0, source: source, file: file, into: &diagnostics) })
            }
            return (read, diagnostics)
        }
        var index = 0
        for (part, partDiagnostics) in read {
            for (body, options, output) in part {
                self.cells[index].source = body
                self.cells[index].options = options
                self.cells[index].id = options.id ?? "cell-\(self.cells[index].index + 1)"
                self.cells[index].output = output
                index += 1
            }
            diagnostics += partDiagnostics
        }
        orphans = orphans.map { Self.checked($0, source: source, file: file, into: &diagnostics) }
    }

    /// What an output block's marker is until ``readCellsAndOutputs()`` reads it, and stays when it does not parse.
    private static let unreadMarker = OutputMarker(id: "", hash: "", status: .failed)

    /// `output` with its begin marker read, and ``OutputBlock/isIntact`` saying whether the marker parses and the
    /// block's lines hash to its content hash; a warning when not.
    private static func checked(
        _ output: OutputBlock, source: SourceText, file: String, into diagnostics: inout [Diagnostic]
    ) -> OutputBlock {
        let contentLines = output.beginLine + 1..<max(output.beginLine + 1, output.endLine)
        let parsed = OutputMarker(line: source.content(ofLine: output.beginLine))
        let isIntact = parsed != nil && parsed?.content == OutputMarker.contentHash(of: source, lines: contentLines)
        if !isIntact {
            let what = parsed == nil
                ? "this generated output block's begin marker is damaged"
                : parsed?.content == nil
                    ? "this generated output block has no content hash (an older `lessons` wrote it)"
                    : "this generated output block was edited by hand or is damaged (it does not match its marker)"
            diagnostics.append(Diagnostic(
                .warning, "output.edited", what + "; `lessons run` writes it again and `lessons clear` removes it",
                at: SourceLocation(file: file, line: output.beginLine, column: 1)))
        }
        var checked = output
        // A begin marker that does not parse (an unknown status, a field lost) still begins a block: the block is
        // replaced exactly by the next run and removed by `clear`.
        checked.marker = parsed ?? unreadMarker
        checked.isIntact = isIntact
        return checked
    }

    /// Output markers count only in top-level HTML blocks: the runner writes them there, and a look-alike in a
    /// code block, a code span or a container is text.
    private mutating func collectHTML(_ block: MarkdownBlock) {
        guard block.isTopLevel else { return }
        if OutputMarker.looksLikeBeginLine(bytes: source.contentBytes(ofLine: block.startLine)) {
            if let pendingBegin {
                diagnostics.append(Diagnostic(
                    .error, "output.unterminated",
                    "generated output block has no '\(OutputMarker.endLine)' line before the next one begins",
                    at: location(pendingBegin)))
            }
            pendingBegin = block.startLine
            // A marker block that also holds its end (no blank line between) ends right here.
            if block.endLine > block.startLine, OutputMarker.isEndLine(bytes: source.contentBytes(ofLine: block.endLine)) {
                close(at: block.endLine)
            }
            return
        }
        for line in block.startLine...block.endLine where OutputMarker.isEndLine(bytes: source.contentBytes(ofLine: line)) {
            guard pendingBegin != nil else {
                diagnostics.append(Diagnostic(
                    .error, "output.stray-end",
                    "'\(OutputMarker.endLine)' without its begin marker: the generated output block it ends was "
                        + "damaged; delete what is left of that block by hand, then run the lesson again",
                    at: location(line)))
                return
            }
            close(at: line)
            return
        }
    }

    /// Ends the pending block at `endLine` and attaches it (``readCellsAndOutputs()`` checks it against its marker).
    private mutating func close(at endLine: Int) {
        guard let beginLine = pendingBegin else { return }
        pendingBegin = nil
        // The marker's fields are read by readCellsAndOutputs().
        attach(OutputBlock(marker: Self.unreadMarker, beginLine: beginLine, endLine: endLine))
    }

    /// Attaches `output` to the cell it directly follows (one blank line after the closing fence).
    private mutating func attach(_ output: OutputBlock) {
        if let last = cells.indices.last, cells[last].output == nil,
            cells[last].closingFenceLine + 2 == output.beginLine,
            source.isBlank(line: cells[last].closingFenceLine + 1)
        {
            cells[last].output = output
        } else {
            orphans.append(output)
        }
    }

    /// Whether `line` closes a fence of `length` `character`s: up to three spaces, at least as long a run, then
    /// only spaces and tabs.
    private func isClosingFence(_ line: ArraySlice<UInt8>, character: Character, length: Int) -> Bool {
        guard let fence = character.asciiValue else { return false }
        var index = line.startIndex
        while index < line.endIndex, line[index] == 0x20 { index += 1 }
        guard index - line.startIndex <= 3 else { return false }
        let runStart = index
        while index < line.endIndex, line[index] == fence { index += 1 }
        return index - runStart >= length && line[index...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private mutating func checkUniqueIds() {
        var firstLine: [String: Int] = [:]
        for cell in cells {
            if let previous = firstLine[cell.id] {
                diagnostics.append(Diagnostic(
                    .error, "cell.duplicate-id", "cell id '\(cell.id)' is used twice in this lesson",
                    at: location(cell.openingFenceLine),
                    notes: [Diagnostic(.note, "cell.duplicate-id", "first used here", at: location(previous))]))
            } else {
                firstLine[cell.id] = cell.openingFenceLine
            }
        }
    }
}

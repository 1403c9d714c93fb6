public import LessonModel

/// The cross-references of a lesson checked without building its page (`lessons check`): every `@fig-…` and
/// `@tbl-…` must name a cell of the lesson (or, `@tbl-…`, a prose table's `{#tbl-…}` caption) and every `@eq-…` an equation label. `lessons build` checks more
/// (that the cell draws a figure or shows a table) when it numbers them. Citations must name works of the
/// references file.
public enum CrossReferenceCheck {
    /// An error at its line and column for each reference whose label the lesson does not define.
    /// With a `bibliography`, also each citation of a key it lacks (``Citations``).
    public static func problems(
        in lesson: Lesson, bibliography: Bibliography? = nil, bibliographyFile: String = Bibliography.fileName
    ) -> [Diagnostic] {
        let source = lesson.source
        let (proseBytes, proseLineToSource) = prose(of: lesson)
        let prose = String(decoding: proseBytes, as: UTF8.self)
        let scan = CrossReferences.scan(prose, citations: bibliography != nil, keepingText: false)
        // Every cell is a figure's and a table's target; only the names the prose refers to are looked up.
        let cellIds = Set(lesson.cells.map(\.id))
        var targets: [String: CrossReferences.Target] = [:]
        for reference in scan.references where reference.kind != .equation && cellIds.contains(reference.name) {
            targets[reference.label] = .init(number: "", anchor: "")
        }
        for label in PipeTables.labels(in: prose) { targets["tbl-\(label)"] = .init(number: "", anchor: "") }
        for key in equationKeys(in: prose) { targets[CrossReferences.equationLabel(forKey: key)] = .init(number: "", anchor: "") }
        var citationProblems: [Diagnostic] = []
        for citation in scan.citations {
            for item in citation.items where bibliography?.works[item.key] == nil {
                citationProblems.append(Diagnostic(.error, "site.citation",
                    Citations.problem(item, narrative: citation.narrative, file: bibliographyFile),
                    at: lesson.location(line: proseLineToSource[min(item.line, proseLineToSource.count - 1)], column: item.column)))
            }
        }
        return CrossReferences.resolve(scan.references, targets: targets).unresolved.filter { reference in
            // `@fig-<cell id>-<k>`, a cell's k-th figure: the build checks that the cell draws that many.
            guard reference.kind == .figure, let dash = reference.name.lastIndex(of: "-") else { return true }
            let number = reference.name[reference.name.index(after: dash)...]
            return !(cellIds.contains(String(reference.name[..<dash])) && !number.isEmpty && number.allSatisfy(\.isASCII)
                && Int(number).map { $0 > 0 } == true)
        }.map { reference in
            Diagnostic(.error, "site.cross-reference", CrossReferences.problem(reference),
                at: lesson.location(line: proseLineToSource[min(reference.line, proseLineToSource.count - 1)], column: reference.column))
        } + citationProblems
    }

    /// The lesson's prose as one text: every line after the front matter, with each cell's lines (and its output's)
    /// standing as one empty line, each line ended by a line feed; and the source line of each prose line (1-based;
    /// index 0 is unused). The lines between cells are copied as one run of bytes when no carriage return ends one
    /// of them; `lineByLine` copies each line on its own (for tests).
    static func prose(of lesson: Lesson, lineByLine: Bool = false) -> (bytes: [UInt8], sourceLines: [Int]) {
        let source = lesson.source
        var skipUntil: [Int: Int] = [:]
        for cell in lesson.cells { skipUntil[cell.openingFenceLine] = cell.output?.endLine ?? cell.closingFenceLine }
        let cellLines = skipUntil.keys.sorted()
        var nextCell = 0
        var proseBytes: [UInt8] = []
        proseBytes.reserveCapacity(source.bytes.count)
        var proseLineToSource: [Int] = [0]
        var line = (lesson.frontMatter.lines?.last ?? 0) + 1
        while line <= source.lineCount {
            while nextCell < cellLines.count, cellLines[nextCell] < line { nextCell += 1 }
            if nextCell < cellLines.count, cellLines[nextCell] == line, let end = skipUntil[line] {
                proseBytes.append(0x0A)
                proseLineToSource.append(line)
                line = end + 1
                continue
            }
            let last = nextCell < cellLines.count ? min(cellLines[nextCell] - 1, source.lineCount) : source.lineCount
            let run = source.bytes[source.startOffset(ofLine: line)..<source.contentEndOffset(ofLine: last)]
            if !lineByLine, !run.contains(0x0D) {
                proseBytes += run
                proseBytes.append(0x0A)
                proseLineToSource += line...last
                line = last + 1
                continue
            }
            proseBytes += source.contentBytes(ofLine: line)
            proseBytes.append(0x0A)
            proseLineToSource.append(line)
            line += 1
        }
        return (proseBytes, proseLineToSource)
    }

    /// The keys of every `\label{…}` in `text`. Only lines whose bytes hold `\label{` are read Character by
    /// Character: Foundation's `range(of:)` bridged the whole text to UTF-16 on every search. (A key ends at the
    /// end of its line, and no Character spans a line break, so reading line by line finds the same keys.)
    static func equationKeys(in text: String) -> [String] {
        let marker = Array("\\label{".utf8)
        guard text.containsBytes(marker) else { return [] }
        return text.lines().filter { $0.containsBytes(marker) }
            .flatMap { equationKeysByCharacter(in: String($0)) }
    }

    /// ``equationKeys(in:)`` read Character by Character.
    static func equationKeysByCharacter(in text: String) -> [String] {
        var keys: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "\\label{") {
            let key = rest[start.upperBound...].prefix { $0 != "}" && $0 != "\n" }
            if !key.isEmpty { keys.append(String(key)) }
            rest = rest[start.upperBound...]
        }
        return keys
    }
}

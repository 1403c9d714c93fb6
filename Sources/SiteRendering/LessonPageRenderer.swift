import CMarkSupport
import Foundation
import Grading
import LessonModel
import TeXMath

/// Renders one lesson (its student copy: no solutions, hidden tests or instructor notes) to the HTML of its
/// page body, in four steps: cells, inline values and math are set aside as placeholders, the remaining Markdown
/// goes through libcmark, headings get anchors, and the placeholders are filled with highlighted cells, the
/// values the run stored and MathML.
struct LessonPageRenderer {
    /// Where the lesson's figures are (`Lessons/`).
    let lessonsDirectory: URL
    /// The students' guide to exercises (a page path without `.html`), linked from a lesson's first exercise.
    var exerciseGuide: String?
    /// The works the course cites; nil for pages without citations (the LessonKit reference), whose `@` and
    /// brackets stay text.
    var bibliography: Bibliography?
    /// Where the bibliography comes from, as diagnostics name it.
    var bibliographyFile = Bibliography.fileName

    /// A rendered page body.
    struct Page {
        var body: String
        var headings: [HeadingAnchors.Heading]
        var diagnostics: [Diagnostic]
    }

    func render(_ lesson: Lesson) -> Page {
        var diagnostics: [Diagnostic] = []
        var macros: [String: TeXMacro] = [:]
        if !lesson.frontMatter.macros.isEmpty {
            do {
                macros = try TeXMacro.macros(fromFrontMatter: lesson.frontMatter.macros)
            } catch {
                let line = lesson.frontMatter.lines?.first ?? 1
                diagnostics.append(Diagnostic(.error, "site.macros", "front matter macros: \(error.message)",
                    at: lesson.location(line: line)))
            }
        }
        let source = lesson.source
        var cellStarting: [Int: CodeCell] = [:]
        var skipUntil: [Int: Int] = [:]
        for cell in lesson.cells {
            cellStarting[cell.openingFenceLine] = cell
            skipUntil[cell.openingFenceLine] = cell.output?.endLine ?? cell.closingFenceLine
        }
        let firstLine = (lesson.frontMatter.lines?.last ?? 0) + 1
        let (valueLines, valueHTML, valueDiagnostics) = InlineValueRenderer.placeholders(for: lesson)
        diagnostics += valueDiagnostics

        // 1. Prose with a placeholder line for each cell (and its outputs); remember each prose line's source line.
        var prose = ""
        var proseLineToSource: [Int] = [0]
        var cells: [(CodeCell, String?)] = []
        var line = firstLine
        while line <= source.lineCount {
            if let cell = cellStarting[line] {
                let outputs = cell.output.map { output in
                    output.endLine - output.beginLine > 1 ? source.text(of: LineRange(output.beginLine + 1, output.endLine - 1)) : ""
                }
                prose += "\nLESSONSCELL\(cells.count)X\n\n"
                proseLineToSource += [line, line, line]
                cells.append((cell, outputs))
                line = skipUntil[line]! + 1
                continue
            }
            prose += (valueLines[line] ?? String(source.content(ofLine: line))) + "\n"
            proseLineToSource.append(line)
            line += 1
        }

        // Cross-references (`@fig-…`, `@tbl-…`, `@eq-…`) are filled once figures, tables and equations are numbered.
        // Citations (`[@key]`, `@key`) too, and the lesson's References list goes at its end.
        let scan = CrossReferences.scan(prose, citations: bibliography != nil)
        prose = scan.text
        let crossReferences = scan.references
        var citationHTML: [String] = []
        var referenceList: ReferenceList?
        if let bibliography, !scan.citations.isEmpty {
            for citation in scan.citations {
                for item in citation.items where bibliography.works[item.key] == nil {
                    diagnostics.append(Diagnostic(.error, "site.citation",
                        Citations.problem(item, narrative: citation.narrative, file: bibliographyFile),
                        at: lesson.location(line: proseLineToSource[min(item.line, proseLineToSource.count - 1)], column: item.column)))
                }
            }
            let list = ReferenceList(citing: scan.citations.flatMap { $0.items.map(\.key) }, in: bibliography)
            citationHTML = scan.citations.map(list.html(for:))
            if !list.works.isEmpty {
                prose += "\n\n## References\n\nLESSONSREFLIST0X\n"
                referenceList = list
            }
        }
        var targets: [String: CrossReferences.Target] = [:]

        let mathRanges = ((try? MathSpanScanner.spans(in: prose)) ?? []).map(\.range)
        for (proseLine, key) in RawEquationReferences.find(in: prose, math: mathRanges) {
            diagnostics.append(Diagnostic(.warning, "site.eqref-outside-math",
                "`\\eqref{\(key)}` outside `$…$` stays raw text on the page: write `$\\eqref{\(key)}$` to cite the equation",
                at: lesson.location(line: proseLineToSource[min(proseLine, proseLineToSource.count - 1)])))
        }

        // 2. Math becomes placeholders before Markdown sees it. Display equations with a \label are numbered in
        //    order, (1), (2), …, so that \eqref{…} anywhere on the page can cite them.
        var mathHTML: [String] = []
        var labels: [String: String] = [:]
        do {
            let spans = try MathSpanScanner.spans(in: prose)
            for span in spans where span.display {
                if let label = EquationLabels.label(in: span.tex), labels[label] == nil { labels[label] = String(labels.count + 1) }
            }
            for (key, number) in labels {
                targets[CrossReferences.equationLabel(forKey: key)] = .init(number: number, anchor: "eq-\(PlainText.slug(key))")
            }
            let typesetter = TeXTypesetter(macros: macros, labels: labels)
            var bytes = Array(prose.utf8)
            for span in spans.reversed() {
                do {
                    // `$\eqref{key}$` alone is a link to the equation.
                    if let reference = EquationLabels.reference(in: span.tex), let number = labels[reference.key] {
                        let text = reference.parenthesized ? "(\(number))" : number
                        mathHTML.append("<a class=\"eqref\" href=\"#eq-\(PlainText.slug(reference.key))\">\(text)</a>")
                        bytes.replaceSubrange(span.range, with: Array("LESSONSMATH\(mathHTML.count - 1)X".utf8))
                        continue
                    }
                    let label = span.display ? EquationLabels.label(in: span.tex) : nil
                    let tagged: (String) -> String = { tex in
                        label.flatMap { labels[$0] }.map { number in
                            tex.contains("\\tag") ? tex : tex + " \\tag{\(number)}"
                        } ?? tex
                    }
                    let rendering = try typesetter.rendering(tagged(span.tex), display: span.display)
                    // A scroll box of its own, so a long display formula never widens the page on a phone; a long
                    // one also comes broken at its relations, for narrow screens.
                    let id = label.map { " id=\"eq-\(PlainText.slug($0))\"" } ?? ""
                    if span.display, rendering.text.count > DisplayBreaks.longDisplay, let narrow = DisplayBreaks.narrow(span.tex),
                        let broken = try? typesetter.rendering(tagged(narrow), display: true)
                    {
                        mathHTML.append("<span class=\"math-display breaks\"\(id)>\(Self.classed(rendering.mathML, "wide"))"
                            + "\(Self.classed(broken.mathML, "narrow"))</span>")
                    } else {
                        mathHTML.append(span.display ? "<span class=\"math-display\"\(id)>\(rendering.mathML)</span>" : rendering.mathML)
                    }
                } catch {
                    let (proseLine, column) = span.location(of: error)  // TeXMath maps the error into the prose
                    let location = lesson.location(line: proseLineToSource[min(proseLine, proseLineToSource.count - 1)], column: column)
                    diagnostics.append(Diagnostic(.error, "site.math", "math: \(error.message)", at: location))
                    mathHTML.append("<code class=\"math-error\" title=\"\(HTMLText.escape(error.message))\">\(HTMLText.escape(span.tex))</code>")
                }
                bytes.replaceSubrange(span.range, with: Array("LESSONSMATH\(mathHTML.count - 1)X".utf8))
            }
            prose = String(decoding: bytes, as: UTF8.self)
        } catch {
            diagnostics.append(Diagnostic(.error, "site.math", "math: \(error.message)",
                at: lesson.location(line: proseLineToSource[min(error.line, proseLineToSource.count - 1)], column: error.column)))
        }

        // 3. Markdown, then anchors on the headings.
        var anchors = HeadingAnchors()
        for (cell, _) in cells { anchors.reserve("cell-\(cell.id)") }
        for work in referenceList?.works ?? [] { anchors.reserve(ReferenceList.anchor(work.key)) }
        let (tabled, proseTables) = PipeTables.extract(from: prose)
        var html = anchors.annotate(Callouts.apply(MarkdownHTML.render(tabled)))

        // 4. Fill the placeholders.
        var renderer = CellRenderer(figures: FigureInliner(baseDirectory: lessonsDirectory))
        renderer.exerciseGuide = exerciseGuide
        renderer.typesetter = TeXTypesetter(macros: macros, labels: labels)
        for exercise in GradingMarkupParser.parse(lesson).0.exercises { renderer.exercisePoints[exercise.id] = exercise.points }
        // Cells and prose tables in page order, so that tables are numbered together.
        var cellHTML: [String?] = Array(repeating: nil, count: cells.count)
        var tableHTML: [String?] = Array(repeating: nil, count: proseTables.count)
        for (kind, n) in Self.placeholders(in: html, prefixes: ["LESSONSCELL", PipeTables.placeholderPrefix]) {
            if kind == 0, n < cells.count, cellHTML[n] == nil {
                cellHTML[n] = renderer.html(for: cells[n].0, outputMarkdown: cells[n].1)
            } else if kind == 1, n < proseTables.count, tableHTML[n] == nil {
                let table = proseTables[n], number = renderer.numberProseTable()
                if let label = table.label, targets["tbl-\(label)"] == nil {
                    targets["tbl-\(label)"] = .init(number: String(number), anchor: "table-\(number)")
                }
                let caption = "Table \(number)" + (table.caption.map { ": " + $0 } ?? "")
                tableHTML[n] = "<div class=\"prose-table\"><table id=\"table-\(number)\"><caption class=\"table-number\">"
                    + "\(caption)</caption>\(table.rows)</table></div>"
            }
        }
        for n in cells.indices where cellHTML[n] == nil { cellHTML[n] = renderer.html(for: cells[n].0, outputMarkdown: cells[n].1) }
        html = HTMLScan.fill(html, prefix: "LESSONSCELL", with: cellHTML.map { $0 ?? "" }, dropParagraph: true)
        html = HTMLScan.fill(html, prefix: PipeTables.placeholderPrefix, with: tableHTML.map { $0 ?? "" }, dropParagraph: true)
        for (cell, figure, problem) in renderer.figures.captionProblems {
            diagnostics.append(Diagnostic(.error, "site.caption",
                "Figure \(figure) (cell \(cell.id)) \(problem): give each figure its own caption with show(_:caption:) or the cell's caption option",
                at: lesson.location(line: cell.openingFenceLine)))
        }
        for (cell, message) in renderer.promptProblems {
            diagnostics.append(Diagnostic(.error, "site.math", "math in the question of cell '\(cell.id)': \(message)",
                at: lesson.location(line: cell.openingFenceLine)))
        }
        for path in renderer.figures.missing {
            diagnostics.append(Diagnostic(.error, "site.figure", "figure \(path) is missing (run the lesson)",
                at: lesson.location(line: 1)))
        }
        html = HTMLScan.fill(html, prefix: "LESSONSMATH", with: mathHTML)
        html = HTMLScan.fill(html, prefix: InlineValueRenderer.placeholderPrefix, with: valueHTML)
        for (cell, number) in renderer.figures.firstFigure { targets["fig-\(cell)"] = .init(number: String(number), anchor: "figure-\(number)") }
        // A cell's k-th figure is also `fig-<cell id>-k`, unless another cell's id already names it.
        for (cell, numbers) in renderer.figures.figuresOfCell.sorted(by: { $0.key < $1.key }) {
            for (k, number) in numbers.enumerated() where targets["fig-\(cell)-\(k + 1)"] == nil {
                targets["fig-\(cell)-\(k + 1)"] = .init(number: String(number), anchor: "figure-\(number)")
            }
        }
        for (cell, number) in renderer.firstTable { targets["tbl-\(cell)"] = .init(number: String(number), anchor: "table-\(number)") }
        let (references, unresolved) = CrossReferences.resolve(crossReferences, targets: targets)
        for reference in unresolved {
            let sourceLine = proseLineToSource[min(reference.line, proseLineToSource.count - 1)]
            diagnostics.append(Diagnostic(.error, "site.cross-reference", CrossReferences.problem(reference),
                at: lesson.location(line: sourceLine, column: reference.column)))
        }
        html = HTMLScan.fill(html, prefix: CrossReferences.placeholderPrefix, with: references)
        html = HTMLScan.fill(html, prefix: Citations.placeholderPrefix, with: citationHTML)
        if let referenceList { html = HTMLScan.fill(html, prefix: "LESSONSREFLIST", with: [referenceList.html], dropParagraph: true) }
        var headings = anchors.headings
        for index in headings.indices
        where headings[index].html.contains("LESSONSMATH")
            || headings[index].html.contains(InlineValueRenderer.placeholderPrefix)
        {
            headings[index].html = HTMLScan.fill(headings[index].html, prefix: "LESSONSMATH", with: mathHTML)
            headings[index].html = HTMLScan.fill(
                headings[index].html, prefix: InlineValueRenderer.placeholderPrefix, with: valueHTML)
            headings[index].text = PlainText.of(headings[index].html)
        }
        html = HeadingAnchors.labels(html, headings: headings)
        return Page(body: html, headings: headings, diagnostics: diagnostics)
    }

    /// The placeholders `<prefix><n>X` of `html` in order: which of `prefixes` (its index) and `n`.
    static func placeholders(in html: String, prefixes: [String]) -> [(Int, Int)] {
        var found: [(Int, Int)] = []
        var rest = html[...]
        let marker = Array("LESSONS".utf8)
        while let start = rest.firstByteRange(of: marker) {
            let tail = rest[start.lowerBound...]
            for (kind, prefix) in prefixes.enumerated() where tail.hasPrefix(prefix) {
                let digits = tail.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
                if let n = Int(digits), tail.dropFirst(prefix.count + digits.count).first == "X" { found.append((kind, n)) }
            }
            rest = rest[start.upperBound...]
        }
        return found
    }

    /// `<math …>` with a class.
    static func classed(_ mathML: String, _ name: String) -> String {
        mathML.hasPrefix("<math") ? "<math class=\"\(name)\"" + mathML.dropFirst("<math".count) : mathML
    }
}

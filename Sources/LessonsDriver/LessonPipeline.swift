import FileSafety
import Foundation
import Grading
import LessonExecution
import LessonFingerprint
import LessonModel
import LessonParsing
import LessonWriting

/// The steps of `lessons run` for one lesson: read, parse, fingerprint, decide, execute, render, write.
struct LessonPipeline: Sendable {
    let layout: ProjectLayout
    let options: RunOptions
    let fingerprint: Fingerprint
    /// Made on first need: running needs the compiler and LessonKit, checking does not.
    let executor: @Sendable () throws -> LessonExecutor

    func run(_ file: URL, watch: CellWatch) -> LessonReport {
        let started = Date()
        var report = runSteps(file, watch: watch)
        report.duration = Date().timeIntervalSince(started)
        return report
    }

    private func runSteps(_ file: URL, watch: CellWatch) -> LessonReport {
        let displayPath = layout.displayPath(of: file)
        var report = LessonReport(
            displayPath: displayPath, status: .invalid, cells: [], diagnostics: [], duration: 0, testSummary: nil)
        func fail(_ message: String, identifier: String) -> LessonReport {
            report.diagnostics.append(Diagnostic(
                .error, identifier, message, at: SourceLocation(file: displayPath, line: 1)))
            report.status = .invalid
            return report
        }

        // 1. Read and parse.
        guard let original = FileManager.default.contents(atPath: file.path).map(Array.init) else {
            return fail("cannot read the lesson file", identifier: "file.unreadable")
        }
        let (parsed, diagnostics) = LessonParser.parse(original, displayPath: displayPath)
        report.diagnostics = diagnostics
        guard let lesson = parsed else { return report }

        // 2. Fingerprint and decide. Under another seed (`--seed`) the recorded outputs say nothing about this run:
        // it always runs, and step 5 writes nothing.
        if let override = options.seed { return runUnderSeed(override, lesson, file: file, report: report, watch: watch) }
        let seed = Fingerprint.seed(for: lesson)
        let recordedInputs = lesson.cells.map { $0.output?.marker.inputs ?? [] }
        let hashes = fingerprint.hashes(for: lesson, seed: seed, inputs: recordedInputs, root: layout.root)
        let freshness = Freshness(lesson: lesson, hashes: hashes.cells, inlineHashes: hashes.inline)
        // `check` runs nothing, so `force` cannot make an up-to-date lesson stale.
        if freshness.isUpToDate && (!options.force || options.check) {
            report.status = freshness.hasFailures ? (options.check ? .stale : .failed) : .upToDate
            if freshness.hasFailures {
                report.diagnostics.append(Diagnostic(
                    .error, "lesson.failed", "the lesson's last run failed; run `lessons run --force` to retry",
                    at: lesson.location(line: 1)))
            }
            if !freshness.hasFailures || options.check { return report }
        }
        if options.check {
            report.status = .stale
            report.diagnostics.append(Diagnostic(
                .error, "lesson.stale", "outputs are out of date (\(freshness.reason)); run `lessons run \(displayPath)`",
                at: lesson.location(line: freshness.firstStaleLine)))
            return report
        }

        // 3. Execute. A student's copy keeps going past exercises not done yet, as `--keep-going` does.
        let markup = GradingMarkupParser.parse(lesson).0
        let rawResult: LessonRunResult
        do {
            rawResult = try execute(lesson, seed: seed, markup: markup, watch: watch)
        } catch {
            return fail("\(error)", identifier: "run.cannot-run")
        }
        // 4. Render: locations in outputs and reports name the lines of the file as written.
        // The hashes written now cover the files each cell actually read during this run.
        let newHashes = fingerprint.hashes(
            for: lesson, seed: seed, inputs: rawResult.cells.map(\.inputs), root: layout.root)
        var (result, updated) = (rawResult, render(lesson, rawResult, hashes: newHashes))
        var cellLine = { (line: Int) in line }
        // Exercises are judged on the file as written, so their messages name its lines.
        var writtenLesson = lesson
        if let written = LessonParser.parse(updated, displayPath: displayPath).0 {
            let lines = WrittenLines(read: lesson, written: written)
            if !lines.isIdentity {
                result = relocate(rawResult, lines, file: displayPath)
                updated = render(lesson, result, hashes: newHashes)
            }
            cellLine = lines.line
            writtenLesson = written
        }
        let outputs = result.cells
        report.cells = zip(lesson.cells, outputs).map { cell, output in
            CellReport(id: cell.id, line: cellLine(cell.openingFenceLine), outcome: output.outcome, duration: output.duration)
        }
        report.status = outputs.contains { $0.outcome.isFailure } ? .failed : .ran
        for case .failed(let message, let location) in result.inlineValues {
            report.diagnostics.append(Diagnostic(.error, "inline.failed", message, at: location))
            report.status = .failed
        }
        report.exercises = ExerciseProgress.assess(
            writtenLesson, markup: GradingMarkupParser.parse(writtenLesson).0, outputs: outputs)
        report.testSummary = Self.testSummary(lesson, markup: markup, outputs: outputs)
        report.gradedCells = Set((markup.exercises.map(\.cellIndex) + markup.tests.map(\.cellIndex)).map { lesson.cells[$0].id })

        // 5. Write: figures first, then the lesson, unless it changed while the cells ran.
        do {
            try FigureWriter(lessonFile: file, lesson: lesson).write(zip(lesson.cells, outputs).map { ($0, $1) })
            guard FileManager.default.contents(atPath: file.path).map(Array.init) == original else {
                return fail(
                    "the file changed on disk while its cells ran; it was not overwritten (run again to update it)",
                    identifier: "write.conflict")
            }
            if updated != original { try AtomicFile.write(updated, to: file) }
        } catch {
            return fail("cannot write the lesson (\(FileError.reason(of: error)))", identifier: "write.failed")
        }
        return report
    }

    /// Runs `lesson`'s cells with `seed`, keeping going as `--keep-going` (or a student's copy) asks.
    private func execute(
        _ lesson: Lesson, seed: UInt64, markup: GradingMarkup, watch: CellWatch
    ) throws -> LessonRunResult {
        var executor = try executor()
        if options.keepGoing || Self.isStudentCopy(markup) { Self.keepGoing(&executor, markup: markup) }
        executor.onProgress = { watch.progress(lesson, $0, $1) }
        return try executor.execute(lesson, seed: seed) { watch.started(lesson, $0) }
    }

    /// `--seed`: steps 3 and 4 under `seed`, and no step 5. Nothing is written (neither the lesson nor its
    /// figures), so every location names a line of the file as it is, and every failed check of a cell is reported,
    /// not only its first (the others would otherwise be seen only in the written outputs).
    private func runUnderSeed(
        _ seed: UInt64, _ lesson: Lesson, file: URL, report: LessonReport,
        watch: CellWatch
    ) -> LessonReport {
        var report = report
        report.seedOverride = seed
        let markup = GradingMarkupParser.parse(lesson).0
        let result: LessonRunResult
        do {
            result = try execute(lesson, seed: seed, markup: markup, watch: watch)
        } catch {
            report.diagnostics.append(Diagnostic(
                .error, "run.cannot-run", "\(error)", at: SourceLocation(file: report.displayPath, line: 1)))
            report.status = .invalid
            return report
        }
        report.cells = zip(lesson.cells, result.cells).map { cell, output in
            var cellReport = CellReport(id: cell.id, line: cell.openingFenceLine, outcome: output.outcome, duration: output.duration)
            if case .failed(let message, let location, _) = output.outcome {
                let first = "\(location): error: \(message)"
                cellReport.furtherErrors = output.items.compactMap { if case .error(let text) = $0, text != first { text } else { nil } }
            }
            return cellReport
        }
        report.status = result.cells.contains { $0.outcome.isFailure } ? .failed : .ran
        for case .failed(let message, let location) in result.inlineValues {
            report.diagnostics.append(Diagnostic(.error, "inline.failed", message, at: location))
            report.status = .failed
        }
        report.exercises = ExerciseProgress.assess(lesson, markup: markup, outputs: result.cells)
        report.testSummary = Self.testSummary(lesson, markup: markup, outputs: result.cells)
        report.gradedCells = Set((markup.exercises.map(\.cellIndex) + markup.tests.map(\.cellIndex)).map { lesson.cells[$0].id })
        return report
    }

    /// Whether `markup` is that of a student's copy: exercises to be done, none holding a solution region.
    static func isStudentCopy(_ markup: GradingMarkup) -> Bool {
        let auto = markup.exercises.filter { !$0.isManual }
        return !auto.isEmpty && auto.allSatisfy(\.solutionRegions.isEmpty)
    }

    /// Makes `executor` keep going past failing cells; test cells run in their own scope, as when graded, so that
    /// one trapping in a stub is skipped by running the same program again.
    static func keepGoing(_ executor: inout LessonExecutor, markup: GradingMarkup) {
        executor.failurePolicy = NotebookFailurePolicy.keepGoing
        executor.isolatedCells = Set(markup.tests.map(\.cellIndex))
    }

    /// How the test cells with code did. Hidden tests run with the instructor's lesson; a student's copy has none.
    private static func testSummary(_ lesson: Lesson, markup: GradingMarkup, outputs: [CellOutput]) -> String? {
        let tests = markup.tests.filter { ExerciseProgress.hasCode(lesson.cells[$0.cellIndex]) }
        guard !tests.isEmpty else { return nil }
        let passed = tests.filter { outputs[$0.cellIndex].outcome == .succeeded }.count
        let hidden = markup.tests.contains { !$0.hiddenRegions.isEmpty }
        let copy = markup.tests.contains { ExerciseProgress.hasHiddenTests(lesson.cells[$0.cellIndex]) }
        let kind = hidden ? "tests (hidden tests included)" : "visible tests"
        let note = copy ? "; hidden tests are not in this copy: they run when your work is graded" : ""
        return "\(kind): \(passed) of \(tests.count) test cells passed\(note)"
    }

    /// The lesson's text with `result`'s outputs and inline values in it.
    private func render(_ lesson: Lesson, _ result: LessonRunResult, hashes: (cells: [String], inline: [String]))
        -> [UInt8]
    {
        var blocks: [Int: [String]] = [:]
        for (cell, output) in zip(lesson.cells, result.cells) {
            blocks[cell.index] = OutputRenderer.lines(for: output, cell: cell, lesson: lesson.name, hash: hashes.cells[cell.index])
        }
        // A value is stored only when the expression gave one; a failed expression loses its old value.
        var inlineValues: [Int: String] = [:]
        for (expression, outcome) in zip(lesson.inlineExpressions, result.inlineValues) {
            inlineValues[expression.index] = outcome.value.map {
                StoredInlineValue.markup(hash: hashes.inline[expression.index], text: $0)
            } ?? ""
        }
        return OutputSplicer.splice(lesson, blocks: blocks, inlineValues: inlineValues)
    }

    /// `result` with every location in `file` naming its line in the file as written.
    private func relocate(_ result: LessonRunResult, _ lines: WrittenLines, file: String) -> LessonRunResult {
        let text = { (text: String) in lines.relocate(text, file: file) }
        let location = { (location: SourceLocation) in
            var location = location
            if location.file == file { location.line = lines.line(location.line) }
            return location
        }
        var result = result
        result.cells = result.cells.map { $0.rewriting(text: text, location: location) }
        result.inlineValues = result.inlineValues.map { $0.rewriting(text: text, location: location) }
        return result
    }
}

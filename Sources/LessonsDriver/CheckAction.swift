public import Foundation
import Grading
import LessonModel
import LessonParsing
import SiteRendering

/// `lessons check`: validates lessons and their grading markup without running anything.
public struct CheckAction: Sendable {
    public let layout: ProjectLayout

    /// Creates the action.
    public init(layout: ProjectLayout) { self.layout = layout }

    /// Checks `files`; prints every problem as `file:line:col: severity: message`; returns the exit code.
    public func run(_ files: [URL]) -> Int32 {
        var failed = false
        // The course settings and their outline against the lessons that exist.
        let (settings, settingsProblems) = layout.loadSettings()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: layout.lessonsDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
        let courseProblems = settingsProblems
            + (Diagnostic.containsError(settingsProblems) ? [] : settings.outlineProblems(lessons: names))
        for problem in courseProblems { FileHandle.standardError.write(Data((problem.description + "\n").utf8)) }
        if Diagnostic.containsError(courseProblems) { failed = true }
        let (bibliography, bibliographyProblems) = layout.loadBibliography()
        for problem in bibliographyProblems { FileHandle.standardError.write(Data((problem.description + "\n").utf8)) }
        if Diagnostic.containsError(bibliographyProblems) { failed = true }
        for file in files {
            let problems = Self.problems(in: file, layout: layout, bibliography: bibliography)
            for problem in problems { FileHandle.standardError.write(Data((problem.description + "\n").utf8)) }
            if Diagnostic.containsError(problems) { failed = true }
        }
        if !failed { FileHandle.standardError.write(Data("checked \(files.count) lesson(s): no errors\n".utf8)) }
        return failed ? 1 : 0
    }

    /// Every problem of one lesson: parsing, grading markup, instructor regions, stubs that lose declarations,
    /// written answers without a rubric (or with one that does not award their points).
    static func problems(in file: URL, layout: ProjectLayout, bibliography: Bibliography? = nil) -> [Diagnostic] {
        let displayPath = layout.displayPath(of: file)
        guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init) else {
            return [Diagnostic(.error, "file.unreadable", "cannot read the lesson file", at: SourceLocation(file: displayPath, line: 1))]
        }
        let (parsed, problems) = LessonParser.parse(bytes, displayPath: displayPath)
        guard let lesson = parsed else { return problems }
        // The grading markup (with the instructor regions) and the prose's references need nothing from each other:
        // two threads. The diagnostics are joined in the order one thread gave them (the sort below is by line only).
        let bibliographyFile = layout.displayPath(of: layout.bibliographyFile)
        let halves = WorkerPool(width: 2).map([true, false]) { isGrading -> [[Diagnostic]] in
            isGrading
                ? gradingProblems(in: lesson)
                : [CrossReferenceCheck.problems(in: lesson, bibliography: bibliography, bibliographyFile: bibliographyFile)]
        }
        return (problems + halves[0][0] + halves[0][1] + halves[1][0] + halves[0][2]).sorted { $0.location.line < $1.location.line }
    }

    /// The grading markup's problems; then the instructor regions'; then those of solutions, error cells before
    /// tests, tests the grader cannot judge and rubrics.
    private static func gradingProblems(in lesson: Lesson) -> [[Diagnostic]] {
        let (markup, markupProblems) = GradingMarkupParser.parse(lesson)
        let regionProblems = InstructorRegions.find(in: lesson).1
        var all: [Diagnostic] = []
        for exercise in markup.exercises {
            // Only a region at the top level of its cell declares names later cells use.
            for region in exercise.solutionRegions where region.last - region.first > 1
                && !lesson.source.content(ofLine: region.first).hasPrefix(" ")
                && !lesson.source.content(ofLine: region.first).hasPrefix("\t")
            {
                let solution = lesson.source.text(of: LineRange(region.first + 1, region.last - 1))
                for names in SolutionStub.untypedVariables(in: solution) {
                    all.append(Diagnostic(
                        .warning, "grading.untyped-solution-variable",
                        "'\(names)' has no type annotation, so the student copy cannot declare it; add one (e.g. `let x: Double = ...`)",
                        at: lesson.location(line: region.first)))
                }
            }
        }
        // When a submission is graded, a trap in a cell's top-level code ends its run: an `error: true` cell before
        // the last graded cell would cost every test after it.
        let lastGraded = (markup.exercises.map(\.cellIndex) + markup.tests.map(\.cellIndex)).max() ?? -1
        for cell in lesson.cells where cell.options.expectError && cell.index < lastGraded {
            all.append(Diagnostic(
                .warning, "grading.error-cell-before-tests",
                "cell '\(cell.id)' is marked `error: true` but comes before exercise or test cells: when a submission is "
                    + "graded its failure ends the run and the tests after it get no values; move it after the last test cell",
                at: lesson.location(line: cell.openingFenceLine)))
        }
        // A test the grader cannot judge is refused here too, at its line, before anyone grades with it.
        if !markup.tests.isEmpty {
            let symbols = ExerciseSymbols.collect(instructor: lesson, markup: markup)
            all += LessonGradingSplit.make(instructor: lesson, markup: markup, symbols: symbols).refusals
        }
        let rubrics = Rubrics.find(in: lesson, markup: markup)
        for exercise in markup.exercises where exercise.isManual {
            let line = lesson.cells[exercise.cellIndex].openingFenceLine
            if let rubric = rubrics[exercise.id] {
                if Rubrics.points(in: rubric) != exercise.points {
                    all.append(Diagnostic(
                        .warning, "grading.rubric-points",
                        "the rubric of '\(exercise.id)' awards \(String(format: "%g", Rubrics.points(in: rubric))) of its "
                            + "\(String(format: "%g", exercise.points)) points (list items `- 1 point: ...`)",
                        at: lesson.location(line: line)))
                }
            } else {
                all.append(Diagnostic(
                    .warning, "grading.no-rubric",
                    "written answer '\(exercise.id)' has no rubric: put what earns each point in an instructor region "
                        + "right after the cell (`<!-- BEGIN INSTRUCTOR -->`, `- 1 point: ...`, `<!-- END INSTRUCTOR -->`)",
                    at: lesson.location(line: line)))
            }
        }
        return [markupProblems, regionProblems, all]
    }
}

public import LessonModel

/// Reads and validates the grading markup of an instructor's lesson (`lessons check`).
///
/// Problems are diagnostics with file:line: a region that is never closed, nested or stray markers, markers
/// in the wrong kind of cell, tests of unknown exercises, missing points, and points that do not add up.
public enum GradingMarkupParser {
    /// The markup of `lesson`, and every problem found.
    public static func parse(_ lesson: Lesson) -> (GradingMarkup, [Diagnostic]) {
        var exercises: [GradingMarkup.Exercise] = []
        var tests: [GradingMarkup.TestCell] = []
        var diagnostics: [Diagnostic] = []
        func error(_ identifier: String, _ message: String, line: Int) {
            diagnostics.append(Diagnostic(.error, identifier, message, at: lesson.location(line: line)))
        }
        var firstExerciseLine: [String: Int] = [:]
        for cell in lesson.cells {
            let regions = scanRegions(cell, lesson: lesson, diagnostics: &diagnostics)
            let options = cell.options
            if options.exercise != nil && options.test != nil {
                error("grading.exercise-and-test", "a cell cannot be both an exercise and a test", line: cell.openingFenceLine)
                continue
            }
            if let id = options.exercise {
                if let previous = firstExerciseLine[id] {
                    error("grading.duplicate-exercise", "exercise '\(id)' is already defined at line \(previous)", line: cell.openingFenceLine)
                    continue
                }
                firstExerciseLine[id] = cell.openingFenceLine
                if !regions.hidden.isEmpty {
                    error("grading.misplaced-marker", "hidden tests belong in test cells, not in exercise '\(id)'", line: regions.hidden[0].first)
                }
                if regions.solutions.isEmpty && !options.manual {
                    error("grading.no-solution", "exercise '\(id)' has no '// BEGIN SOLUTION' ... '// END SOLUTION' region", line: cell.openingFenceLine)
                }
                if options.points == nil && options.manual {
                    error("grading.no-points", "manual exercise '\(id)' needs `//| points:`", line: cell.openingFenceLine)
                }
                exercises.append(.init(
                    id: id, points: options.points ?? 0, isManual: options.manual, cellIndex: cell.index,
                    solutionRegions: regions.solutions))
            } else if let id = options.test {
                if !regions.solutions.isEmpty {
                    error("grading.misplaced-marker", "a solution region belongs in an exercise cell, not in a test of '\(id)'", line: regions.solutions[0].first)
                }
                guard let points = options.points else {
                    error("grading.no-points", "test cell of '\(id)' needs `//| points:`", line: cell.openingFenceLine)
                    continue
                }
                tests.append(.init(exerciseId: id, points: points, cellIndex: cell.index, hiddenRegions: regions.hidden))
            } else {
                for region in regions.solutions + regions.hidden {
                    error("grading.misplaced-marker", "grading markers belong in exercise and test cells", line: region.first)
                }
            }
        }
        for test in tests where firstExerciseLine[test.exerciseId] == nil {
            error("grading.unknown-exercise", "test cell grades unknown exercise '\(test.exerciseId)'",
                line: lesson.cells[test.cellIndex].openingFenceLine)
        }
        for index in exercises.indices where !exercises[index].isManual {
            let exercise = exercises[index]
            let line = lesson.cells[exercise.cellIndex].openingFenceLine
            let testPoints = tests.filter { $0.exerciseId == exercise.id }.reduce(0) { $0 + $1.points }
            if tests.allSatisfy({ $0.exerciseId != exercise.id }) {
                error("grading.untested", "no test cell grades exercise '\(exercise.id)' (add a cell with `//| test: \(exercise.id)`)", line: line)
            } else if lesson.cells[exercise.cellIndex].options.points == nil {
                exercises[index].points = testPoints
            } else if abs(exercise.points - testPoints) > 1e-9 {
                error("grading.points-mismatch",
                    "points do not add up: exercise '\(exercise.id)' is worth \(format(exercise.points)) but its test cells give \(format(testPoints))",
                    line: line)
            }
        }
        diagnostics.sort { $0.location.line < $1.location.line }
        return (GradingMarkup(exercises: exercises, tests: tests), diagnostics)
    }

    /// Solution and hidden-test regions of a cell, with problems for stray, nested or unterminated markers.
    private static let beginBytes = Array("// BEGIN ".utf8)
    private static let endBytes = Array("// END ".utf8)

    static func scanRegions(_ cell: CodeCell, lesson: Lesson, diagnostics: inout [Diagnostic], shortcut: Bool = true)
        -> (solutions: [LineRange], hidden: [LineRange])
    {
        var solutions: [LineRange] = []
        var hidden: [LineRange] = []
        // Every marker holds `// BEGIN ` or `// END `: a cell without either has none (most cells; `shortcut: false`
        // reads every line, for tests).
        if shortcut, !cell.source.containsBytes(Self.beginBytes), !cell.source.containsBytes(Self.endBytes) {
            return (solutions, hidden)
        }
        var open: (marker: GradingMarker, line: Int)?
        var line = cell.firstSourceLine - 1
        for text in cell.source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            line += 1
            guard let marker = GradingMarker(line: text) else { continue }
            switch marker {
            case .beginSolution, .beginHiddenTests:
                if let open {
                    diagnostics.append(Diagnostic(.error, "grading.nested-region",
                        "'\(marker.rawValue)' inside the region opened at line \(open.line); regions cannot nest",
                        at: lesson.location(line: line)))
                } else {
                    open = (marker, line)
                }
            case .endSolution, .endHiddenTests:
                let expected: GradingMarker = marker == .endSolution ? .beginSolution : .beginHiddenTests
                guard let current = open, current.marker == expected else {
                    diagnostics.append(Diagnostic(.error, "grading.stray-end",
                        "'\(marker.rawValue)' has no matching '\(expected.rawValue)'", at: lesson.location(line: line)))
                    continue
                }
                if expected == .beginSolution { solutions.append(LineRange(current.line, line)) }
                else { hidden.append(LineRange(current.line, line)) }
                open = nil
            }
        }
        if let open {
            diagnostics.append(Diagnostic(.error, "grading.unterminated-region",
                "'\(open.marker.rawValue)' is never closed in this cell", at: lesson.location(line: open.line)))
        }
        return (solutions, hidden)
    }

    private static func format(_ points: Double) -> String {
        points == points.rounded() ? String(Int(points)) : String(points)
    }
}

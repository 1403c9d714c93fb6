public import LessonModel

/// The grading structure of an instructor's lesson: exercises, the test cells that grade them, and the
/// regions that students never see (solutions, hidden tests).
public struct GradingMarkup: Sendable {
    /// An exercise: a cell students fill in (or, with `manual: true`, a written answer graded by hand).
    public struct Exercise: Sendable, Equatable {
        public var id: String
        public var points: Double
        public var isManual: Bool
        /// Index of the exercise's cell in the lesson.
        public var cellIndex: Int
        /// Lines between `// BEGIN SOLUTION` and `// END SOLUTION`, markers included.
        public var solutionRegions: [LineRange]
    }

    /// A test cell: checks that grade one exercise.
    public struct TestCell: Sendable, Equatable {
        public var exerciseId: String
        public var points: Double
        public var cellIndex: Int
        /// Lines between `// BEGIN HIDDEN TESTS` and `// END HIDDEN TESTS`, markers included.
        public var hiddenRegions: [LineRange]
    }

    public var exercises: [Exercise]
    public var tests: [TestCell]

    /// The test cells of exercise `id`, in lesson order.
    public func tests(of id: String) -> [TestCell] { tests.filter { $0.exerciseId == id } }

    /// Total points of the lesson.
    public var totalPoints: Double { exercises.reduce(0) { $0 + $1.points } }
}

/// The comment lines that delimit instructor-only regions inside cells.
public enum GradingMarker: String, CaseIterable, Sendable {
    case beginSolution = "// BEGIN SOLUTION"
    case endSolution = "// END SOLUTION"
    case beginHiddenTests = "// BEGIN HIDDEN TESTS"
    case endHiddenTests = "// END HIDDEN TESTS"

    /// The marker a trimmed line is, if any.
    public init?(line: Substring) {
        self.init(rawValue: String(line.trimmingWhitespace()))
    }
}

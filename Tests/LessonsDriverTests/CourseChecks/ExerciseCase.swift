import Testing

/// One auto-graded exercise of the course and answers its tests must reject: plausible mistakes a student makes
/// (a naive formula, an off-by-one, a wrong sign, a form that overflows), each written as the body that replaces
/// the solution between `// BEGIN SOLUTION` and `// END SOLUTION`.
struct ExerciseCase: Sendable, CustomTestStringConvertible {
    /// A wrong answer: what the mistake is, and the exercise body with it.
    struct WrongAnswer: Sendable {
        let mistake: String
        let body: String
    }

    /// The lesson file, e.g. `03-approximate-inference.md`.
    let lesson: String
    /// The exercise id (`//| exercise:`).
    let exercise: String
    /// The names the exercise cell declares (renamed in each copy of the exercise and its tests).
    let names: [String]
    /// Cells the tests need besides the exercise (by id), run once before every copy.
    var context: [String] = []
    let wrongAnswers: [WrongAnswer]

    var testDescription: String { "\(lesson) \(exercise)" }
}

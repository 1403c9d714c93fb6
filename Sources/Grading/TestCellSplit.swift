import SwiftParser
import SwiftSyntax

/// A cell rewritten for grading: the same lines, once for the checker and once for the submission.
public struct TestCellSplit: Sendable, Equatable {
    /// A probe: an expression of the cell whose value the student's code computes.
    public struct Probe: Sendable, Equatable {
        /// Its number, unique in the lesson.
        public var id: Int
        /// Its source text.
        public var text: String
        /// Its line in the cell's source (0-based).
        public var line: Int
    }

    /// What cannot be split: an error at a line of the cell (0-based).
    public struct Refusal: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// The checker's cell: every probe replaced by the submission's value (`LessonRuntime.replay`), checks kept,
    /// statements that build or change the student's objects left out (a declaration stays, never evaluated).
    public var checker: String
    /// The submission's cell: what computes the probes, each sent out (`LessonRuntime.record`), and the statements
    /// that build and change the student's objects; in a test cell no check, no expected value and no statement the
    /// probes do not need (their lines stay, empty).
    public var submission: String
    /// The probes, in source order.
    public var probes: [Probe]
    /// Statements the grader cannot split; grading refuses the lesson while there are any.
    public var refusals: [Refusal]
    /// Whether the cell reaches the student's code at all (through probes, objects it builds, or helpers).
    public var reachesStudentCode: Bool

    /// Splits the test cell `source`, numbering its probes from `firstProbe`. The checker names a probe by its
    /// source text in messages, unless `hidden` (a hidden test's inputs are never shown).
    public static func split(_ source: String, symbols: ExerciseSymbols, firstProbe: Int, hidden: Bool = false)
        -> TestCellSplit
    {
        var state = GradingSplitState(symbols: symbols, firstProbe: firstProbe)
        return state.split(source, kind: .test(hidden: hidden))
    }

    /// A Swift string literal holding `text` on one line.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension SyntaxProtocol {
    /// Whether `other` lies inside this node.
    func contains(_ other: some SyntaxProtocol) -> Bool {
        other.position >= position && other.endPosition <= endPosition
    }
}

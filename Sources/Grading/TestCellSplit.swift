import SwiftParser
import SwiftSyntax

/// A test cell rewritten for grading: the same lines, once for the checker and once for the submission.
public struct TestCellSplit: Sendable, Equatable {
    /// A probe: an expression of the test cell that calls the student's code.
    public struct Probe: Sendable, Equatable {
        /// Its number, unique in the lesson.
        public var id: Int
        /// Its source text.
        public var text: String
        /// Its line in the cell's source (0-based).
        public var line: Int
    }

    /// The checker's cell: every probe replaced by the submission's value (`LessonRuntime.replay`), checks kept.
    public var checker: String
    /// The submission's cell: only what computes the probes, each sent out (`LessonRuntime.record`); no checks,
    /// no expected values, no statement the probes do not need (their lines stay, empty).
    public var submission: String
    /// The probes, in source order.
    public var probes: [Probe]

    /// Splits the test cell `source`, numbering its probes from `firstProbe`. The checker names a probe by its
    /// source text in messages, unless `hidden` (a hidden test's inputs are never shown).
    public static func split(_ source: String, symbols: ExerciseSymbols, firstProbe: Int, hidden: Bool = false)
        -> TestCellSplit
    {
        let bytes = Array(source.utf8)
        let file = Parser.parse(source: source)
        let found = ProbeFinder.find(in: file, symbols: symbols)
        var ids: [SyntaxIdentifier: Int] = [:]
        var probes: [Probe] = []
        let converter = SourceLocationConverter(fileName: "", tree: file)
        for (offset, probe) in found.probes.enumerated() {
            ids[probe.id] = firstProbe + offset
            let line = converter.location(for: probe.positionAfterSkippingLeadingTrivia).line - 1
            probes.append(Probe(id: firstProbe + offset, text: probe.code, line: line))
        }

        var checkerEdits = SourceEdits()
        for probe in found.probes {
            checkerEdits.replace(probe, with: wrap(probe, id: ids[probe.id]!, symbols: symbols, checker: true, hidden: hidden))
        }

        let slice = SubmissionSlice(file: file, probes: found.probes, checks: found.checks)
        var submissionEdits = SourceEdits()
        for item in file.statements {
            guard slice.kept.contains(item.id) else {
                submissionEdits.replace(item, with: String(repeating: "\n", count: item.lineBreaks))
                continue
            }
            for node in slice.edits(in: item) {
                if let check = node.as(FunctionCallExprSyntax.self), found.checks.contains(where: { $0.id == check.id }) {
                    let inside = found.probes.filter { check.contains($0) }
                    let records = inside.map { wrap($0, id: ids[$0.id]!, symbols: symbols, checker: false) }
                    let padding = String(repeating: "\n", count: check.lineBreaks)
                    submissionEdits.replace(check, with: "LessonRuntime.probed { \(records.joined(separator: "; "))\(padding) }")
                } else if let probe = node.as(ExprSyntax.self) {
                    submissionEdits.replace(probe, with: wrap(probe, id: ids[probe.id]!, symbols: symbols, checker: false))
                }
            }
        }
        return TestCellSplit(
            checker: checkerEdits.applied(to: bytes), submission: submissionEdits.applied(to: bytes), probes: probes)
    }

    /// `(LessonRuntime.replay(7, "mean([1, 2, 3])") { mean([1, 2, 3]) })` or `(LessonRuntime.record(7) { … })`,
    /// with ` as (mean: Double, variance: Double)` when the probe calls an exercise function with a tuple result.
    private static func wrap(
        _ probe: ExprSyntax, id: Int, symbols: ExerciseSymbols, checker: Bool, hidden: Bool = false
    ) -> String {
        var body = probe.code
        if probe.parent?.is(TryExprSyntax.self) == true { body = "try " + body }
        let name = hidden ? "a value this hidden test examines" : "`" + probe.code + "`"
        let call = checker ? "LessonRuntime.replay(\(id), \(literal(name)))" : "LessonRuntime.record(\(id))"
        var text = "\(call) { \(body) }"
        if let callee = probe.as(FunctionCallExprSyntax.self)?.calledExpression.as(DeclReferenceExprSyntax.self),
            let result = symbols.tupleResults[callee.baseName.text]
        {
            text += " as \(result)"
        }
        return "(" + text + ")"
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

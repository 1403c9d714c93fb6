import SwiftParser
import SwiftSyntax

/// Splits a lesson's cells for grading in order, carrying from cell to cell what is bound to the student's code
/// (names declared by locked cells stay; a test cell's own names end with it) and the numbering of probes.
struct GradingSplitState {
    enum CellKind: Equatable {
        /// A test cell: checks judge, and the submission keeps only what the probes need.
        case test(hidden: Bool)
        /// A locked cell: runs whole in the submission, its probes sent; the checker receives them.
        case locked
    }

    let symbols: ExerciseSymbols
    private var tainted: [String: ChainKind] = [:]
    private var carrying: Set<String> = []
    private(set) var nextProbe: Int
    private var nextCheck = 0

    init(symbols: ExerciseSymbols, firstProbe: Int = 0) {
        self.symbols = symbols
        self.nextProbe = firstProbe
    }

    mutating func split(_ source: String, kind: CellKind) -> TestCellSplit {
        let bytes = Array(source.utf8)
        let file = Parser.parse(source: source)
        let splitter = CellSplitter(
            symbols: symbols, tainted: tainted, carrying: carrying, firstProbe: nextProbe, firstCheck: nextCheck,
            topLevel: kind == .locked, judging: kind != .locked)
        splitter.split(file.statements)
        nextProbe = splitter.probeCount
        nextCheck = splitter.checkCount
        if kind == .locked {
            tainted = splitter.tainted
            carrying = splitter.carrying
        }
        let hidden = kind == .test(hidden: true)
        let converter = SourceLocationConverter(fileName: "", tree: file)
        let probes = splitter.probes.map { probe in
            TestCellSplit.Probe(
                id: probe.id, text: probe.chain.expression.code,
                line: converter.location(for: probe.chain.expression.positionAfterSkippingLeadingTrivia).line - 1)
        }
        let refusals = splitter.refusals.map { refusal in
            let location = converter.location(for: refusal.position)
            return TestCellSplit.Refusal(line: location.line - 1, column: location.column, message: refusal.message)
        }

        // The checker: probes replayed, checks with probes counted, statements of the submission's left out.
        var checker = NodeRewrite()
        for probe in splitter.probes {
            checker.replace(probe.chain.expression, with: Self.wrap(probe, symbols: symbols, checker: true, hidden: hidden))
        }
        for (item, text) in splitter.submissionOnly { checker.replace(item, with: text) }
        for (checkID, check) in Self.checks(splitter, in: file) {
            let throwing = splitter.probes.contains { $0.chain.throwing && check.contains($0.chain.expression) }
            checker.wrap(check, prefix: (throwing ? "try " : "") + "LessonRuntime.judging(\(checkID)) { ", suffix: " }")
        }

        let submission = kind == .locked
            ? lockedSubmission(splitter, file: file, bytes: bytes)
            : testSubmission(splitter, file: file, bytes: bytes)
        return TestCellSplit(
            checker: checker.applied(to: bytes), submission: submission, probes: probes, refusals: refusals,
            reachesStudentCode: !probes.isEmpty || !splitter.submissionOnly.isEmpty || !splitter.carriedCalls.isEmpty
                || splitter.callsCarrying)
    }

    /// A locked cell in the submission: as written, with its probes sent.
    private func lockedSubmission(_ splitter: CellSplitter, file: SourceFileSyntax, bytes: [UInt8]) -> String {
        var edits = NodeRewrite()
        for probe in splitter.probes {
            edits.replace(probe.chain.expression, with: Self.wrap(probe, symbols: symbols, checker: false))
        }
        return edits.applied(to: bytes)
    }

    /// A test cell in the submission: the statements the probes need, checks shrunk to their probes.
    private func testSubmission(_ splitter: CellSplitter, file: SourceFileSyntax, bytes: [UInt8]) -> String {
        let probeExpressions = splitter.probes.map(\.chain.expression)
        let checks = ProbeFinder.find(in: file, symbols: symbols).checks
        let slice = SubmissionSlice(
            file: file, probes: probeExpressions + splitter.carriedCalls.map(ExprSyntax.init), checks: checks,
            required: splitter.submissionOnly.map(\.item))
        var edits = NodeRewrite()
        var handled: Set<SyntaxIdentifier> = []
        for item in file.statements where !slice.kept.contains(item.id) {
            edits.replace(item, with: String(repeating: "\n", count: item.lineBreaks))
        }
        for check in checks where slice.kept.contains(where: { id in file.statements.contains { $0.id == id && $0.contains(check) } }) {
            let inside = splitter.probes.filter { check.contains($0.chain.expression) }
            var parts = inside.map { ($0.chain.throwing ? "try " : "") + Self.wrap($0, symbols: symbols, checker: false) }
            parts += splitter.carriedCalls.filter { check.contains($0) }.map { "_ = " + $0.trimmedDescription }
            for probe in inside { handled.insert(probe.chain.expression.id) }
            // The probes keep their own line breaks: only the rest pads the check to its lines.
            let body = parts.joined(separator: "; ")
            let padding = String(repeating: "\n", count: max(0, check.lineBreaks - body.filter { $0 == "\n" }.count))
            let throwing = inside.contains { $0.chain.throwing }
            edits.replace(check, with: (throwing ? "try " : "") + "LessonRuntime.probed { \(body)\(padding) }")
        }
        for probe in splitter.probes where !handled.contains(probe.chain.expression.id) {
            guard file.statements.contains(where: { slice.kept.contains($0.id) && $0.contains(probe.chain.expression) }) else { continue }
            edits.replace(probe.chain.expression, with: Self.wrap(probe, symbols: symbols, checker: false))
        }
        return edits.applied(to: bytes)
    }

    private static func checks(_ splitter: CellSplitter, in file: SourceFileSyntax) -> [(Int, FunctionCallExprSyntax)] {
        let finder = AllCalls(viewMode: .sourceAccurate)
        finder.walk(file)
        return finder.calls.compactMap { call in splitter.checkIDs[call.id].map { ($0, call) } }
    }

    /// `(LessonRuntime.replay(7, "…", check: 2, mean([1, 2, 3])))` or `(LessonRuntime.record(7, …))` (the value is an
    /// autoclosure, so `$0` of a closure around the probe stays that closure's), with
    /// ` as (mean: Double, variance: Double)` when the probe calls an exercise function with a tuple result.
    static func wrap(_ probe: CellSplitter.Probe, symbols: ExerciseSymbols, checker: Bool, hidden: Bool = false) -> String {
        let expression = probe.chain.expression
        let throwing = probe.chain.throwing
        let body = (throwing ? "try " : "") + expression.code
        let name = hidden ? "a value this hidden test examines" : "`" + expression.code + "`"
        let function = throwing ? (checker ? "replayThrowing" : "recordThrowing") : (checker ? "replay" : "record")
        let check = probe.check.map { ", check: \($0)" } ?? ""
        let call = checker
            ? "LessonRuntime.\(function)(\(probe.id), \(TestCellSplit.literal(name))\(check))"
            : "LessonRuntime.\(function)(\(probe.id))"
        var text = String(call.dropLast()) + ", \(body))"
        if let callee = expression.as(FunctionCallExprSyntax.self)?.calledExpression.as(DeclReferenceExprSyntax.self),
            let result = symbols.tupleResults[callee.baseName.text]
        {
            text += " as \(result)"
        }
        return "(" + text + ")"
    }
}

/// Every call in a subtree.
private final class AllCalls: SyntaxVisitor {
    var calls: [FunctionCallExprSyntax] = []

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        calls.append(node)
        return .visitChildren
    }
}

import SwiftSyntax

/// Decides, statement by statement, what of a cell runs where when a submission is graded.
///
/// Names bound to the student's computation are *tainted*: the exercises' own names, and every name a statement
/// declares or changes from an object of the student's (an instance of an exercise type, a closure it returned)
/// or through an effect of the student's code (`sort(&xs)`, `tally.add(5)`). Then, for each statement:
/// - a chain of the student's code that gives a **value** becomes a probe: the submission evaluates it and sends
///   the value, the checker receives it in its place (`mean(xs)`, `tally.total()`, `empiricalMean(sampler)`);
/// - a statement that builds, changes or hands on an **object**, or has an **effect**, runs in the submission
///   only; in the checker a declaration stays as a declaration that is never evaluated (a `lazy` local, or a
///   computed global that traps), anything else becomes blank lines;
/// - a statement that holds a check inside a loop, condition or `do` is split inside, so the check stays in the
///   checker; the bodies of functions declared in the cell are split the same way.
/// What cannot be split this way (a check that examines an object itself, a condition that depends on one) is a
/// *refusal*: an error at the statement's line, never a silent grade.
final class CellSplitter {
    /// A probe found in the cell.
    struct Probe {
        var chain: ProbeFinder.Chain
        var id: Int
        /// The check whose arguments hold it (its values are then indexed by the check's executions).
        var check: Int?
    }

    /// An error at a position of the cell's source.
    struct Refusal {
        var position: AbsolutePosition
        var message: String
    }

    private let symbols: ExerciseSymbols
    /// Names bound to the student's computation, with what they hold; grows as statements are read.
    private(set) var tainted: [String: ChainKind]
    /// Functions whose bodies hold probes: every call of them must run in the submission too.
    private(set) var carrying: Set<String>
    private let topLevel: Bool
    /// Whether checks judge here (a test cell); in other cells a check is an ordinary call that runs on both sides.
    private let judging: Bool
    private(set) var probes: [Probe] = []
    private(set) var refusals: [Refusal] = []
    /// Statements that run in the submission only, with what the checker gets in their place.
    private(set) var submissionOnly: [(item: CodeBlockItemSyntax, checker: String)] = []
    /// Checks with probes, numbered.
    private(set) var checkIDs: [SyntaxIdentifier: Int] = [:]
    /// Calls of carrying functions inside checks: the submission makes them while the check's probes are taken.
    private(set) var carriedCalls: [FunctionCallExprSyntax] = []
    /// Whether a statement calls a carrying function.
    private(set) var callsCarrying = false
    private var nextProbe: Int
    private var nextCheck: Int

    init(symbols: ExerciseSymbols, tainted: [String: ChainKind], carrying: Set<String>, firstProbe: Int, firstCheck: Int, topLevel: Bool, judging: Bool) {
        self.symbols = symbols
        self.tainted = tainted
        self.carrying = carrying
        self.nextProbe = firstProbe
        self.nextCheck = firstCheck
        self.topLevel = topLevel
        self.judging = judging
    }

    var probeCount: Int { nextProbe }
    var checkCount: Int { nextCheck }

    /// Splits the statements of a block, in order.
    func split(_ items: CodeBlockItemListSyntax, nested: Bool = false) {
        for item in items { split(item, nested: nested) }
    }

    private func split(_ item: CodeBlockItemSyntax, nested: Bool) {
        if let function = item.item.as(FunctionDeclSyntax.self) {
            splitFunction(function)
            return
        }
        if item.item.is(DeclSyntax.self) && !item.item.is(VariableDeclSyntax.self) {
            // Types and other declarations: a type whose members use the student's code holds the student's objects.
            let found = ProbeFinder.find(in: item, symbols: symbols, tainted: tainted)
            if !found.chains.isEmpty, let name = declaredTypeName(item.item) { tainted[name] = .object }
            return
        }
        let hasCheck = judging && ProbeFinder.containsCheck(item)
        if hasCheck, let blocks = Self.blocks(of: item) {
            splitHeaders(of: item)
            let before = probes.count
            for block in blocks { split(block, nested: true) }
            refuseTypedCatches(item, probesFrom: before)
            return
        }
        var found = ProbeFinder.find(in: item, symbols: symbols, tainted: tainted)
        if !judging { found.checks = [] }
        let calls = carriedCallsIn(item)
        if !calls.isEmpty { callsCarrying = true }
        if found.chains.isEmpty {
            if hasCheck { carriedCalls += calls.filter { call in found.checks.contains { $0.contains(call) } } }
            refuseShortCircuits(calls, checks: found.checks)
            return
        }
        if found.chains.allSatisfy({ $0.kind == .value }) {
            for chain in found.chains {
                let check = found.checks.first { $0.contains(chain.expression) }
                if let check, Self.isInsideClosure(chain.expression, within: check) {
                    refuse(chain.expression, "this check calls the student's code inside a closure; compute the values first (`let ys = xs.map { f($0) }`), then check them")
                }
                add(chain, check: check)
                for name in chain.written { tainted[name] = tainted[name] ?? .value }
            }
            if hasCheck { carriedCalls += calls.filter { call in found.checks.contains { $0.contains(call) } } }
            refuseShortCircuits(calls, checks: found.checks)
            return
        }
        if hasCheck {
            let object = found.chains.first { $0.kind != .value }!
            refuse(object.expression, "this check examines `\(object.expression.code)`, which is \(describe(object.kind)) of the student's code, not a value; check a value read from it (a property, a method's result)")
            return
        }
        runInSubmissionOnly(item, chains: found.chains, nested: nested)
    }

    // MARK: Statements that run in the submission only

    private func runInSubmissionOnly(_ item: CodeBlockItemSyntax, chains: [ProbeFinder.Chain], nested: Bool) {
        var written = NameCollector.written(in: item, countingMethodCalls: true)
        for chain in chains { written.formUnion(chain.written) }
        var checker = String(repeating: "\n", count: item.lineBreaks)
        if let variable = item.item.as(VariableDeclSyntax.self) {
            let kind: ChainKind = chains.contains { $0.kind == .object } ? .object : .value
            var declarations: [String] = []
            for binding in variable.bindings {
                let names = binding.pattern.tokens(viewMode: .sourceAccurate).filter { $0.tokenKind.isIdentifier }.map(\.text)
                let single = chains.count == 1 && binding.initializer?.value.id == chains[0].expression.id
                for name in names { tainted[name] = single ? chains[0].kind == .effect ? .value : chains[0].kind : kind }
                if let declaration = checkerDeclaration(binding, names: names, item: item, global: topLevel && !nested) { declarations.append(declaration) }
            }
            // A declaration keeps its value's own line breaks: only the rest pads it to the statement's lines.
            let text = declarations.joined(separator: "; ")
            checker = text + String(repeating: "\n", count: max(0, item.lineBreaks - text.filter { $0 == "\n" }.count))
        }
        for name in written where tainted[name] == nil { tainted[name] = .value }
        submissionOnly.append((item, checker))
    }

    /// What the checker declares in place of a binding it must not evaluate.
    private func checkerDeclaration(
        _ binding: PatternBindingSyntax, names: [String], item: CodeBlockItemSyntax, global: Bool
    ) -> String? {
        let type = binding.typeAnnotation.map { ": " + $0.type.trimmedDescription } ?? ""
        if global {
            guard !type.isEmpty, binding.pattern.is(IdentifierPatternSyntax.self) else {
                refuse(item, "give `\(binding.pattern.trimmedDescription)` a type annotation: it holds what the student's code built, so the checker declares it without running the code, and needs its type")
                return nil
            }
            let name = binding.pattern.trimmedDescription
            return "var \(name)\(type) { LessonRuntime.checkerReachedStudentCode(\(TestCellSplit.literal(name))) }"
        }
        guard let value = binding.initializer?.value else {
            refuse(item, "give `\(binding.pattern.trimmedDescription)` its value where it is declared: it holds what the student's code built, and the checker declares it without running the code")
            return nil
        }
        if binding.pattern.is(IdentifierPatternSyntax.self) {
            return "lazy var \(binding.pattern.trimmedDescription)\(type) = \(value.trimmedDescription)"
        }
        if let tuple = binding.pattern.as(TuplePatternSyntax.self), type.isEmpty,
            tuple.elements.allSatisfy({ $0.pattern.is(IdentifierPatternSyntax.self) || $0.pattern.is(WildcardPatternSyntax.self) })
        {
            return tuple.elements.enumerated().compactMap { offset, element in
                guard let name = element.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else { return nil }
                return "lazy var \(name) = (\(value.trimmedDescription)).\(offset)"
            }.joined(separator: "; ")
        }
        refuse(item, "declare one name per statement here: it holds what the student's code built")
        return nil
    }

    // MARK: Probes, headers, functions

    private func add(_ chain: ProbeFinder.Chain, check: FunctionCallExprSyntax?) {
        var checkID: Int?
        if let check {
            if let known = checkIDs[check.id] {
                checkID = known
            } else {
                checkID = nextCheck
                checkIDs[check.id] = nextCheck
                nextCheck += 1
            }
        }
        probes.append(Probe(chain: chain, id: nextProbe, check: checkID))
        nextProbe += 1
    }

    /// Conditions, sequences and subjects of a statement split inside: the checker must decide them itself.
    private func splitHeaders(of item: CodeBlockItemSyntax) {
        for header in Self.headers(of: item) {
            let found = ProbeFinder.find(in: header, symbols: symbols, tainted: tainted)
            for chain in found.chains {
                guard chain.kind == .value else {
                    refuse(chain.expression, "the checker cannot decide this on `\(chain.expression.code)`, \(describe(chain.kind)) of the student's code; read a value from it first")
                    continue
                }
                add(chain, check: nil)
            }
        }
    }

    private func splitFunction(_ function: FunctionDeclSyntax) {
        guard let body = function.body else { return }
        let before = probes.count
        let saved = tainted
        for parameter in function.signature.parameterClause.parameters {
            tainted[(parameter.secondName ?? parameter.firstName).text] = nil
        }
        let hasOwnCheck = ProbeFinder.containsCheck(body)
        split(body.statements, nested: true)
        tainted = saved
        if probes.count > before || hasOwnCheck && !carriedCallsIn(Syntax(body)).isEmpty || submissionOnly.contains(where: { body.contains($0.item) }) {
            carrying.insert(function.name.text)
        }
    }

    private func carriedCallsIn(_ node: some SyntaxProtocol) -> [FunctionCallExprSyntax] {
        guard !carrying.isEmpty else { return [] }
        let finder = CallFinder(names: carrying)
        finder.walk(node)
        return ProbeFinder.outermost(finder.calls)
    }

    /// A call of a carrying function inside a check must run exactly when the checker runs it.
    private func refuseShortCircuits(_ calls: [FunctionCallExprSyntax], checks: [FunctionCallExprSyntax]) {
        for call in calls where checks.contains(where: { $0.contains(call) }) {
            var node = call.parent
            while let current = node, !(current.as(FunctionCallExprSyntax.self).map(ProbeFinder.isCheck) ?? false) {
                if let list = current.as(ExprListSyntax.self),
                    list.contains(where: { ["&&", "||", "??"].contains($0.as(BinaryOperatorExprSyntax.self)?.operator.text ?? "") })
                    || current.is(TernaryExprSyntax.self) || current.is(ClosureExprSyntax.self)
                {
                    refuse(call, "`\(call.calledExpression.trimmedDescription)` calls the student's code and may be skipped here; call it before the check (`let ok = \(call.trimmedDescription)`), then check the result")
                    break
                }
                node = current.parent
            }
        }
    }

    /// The checker receives the student's errors as text: a `catch` with a pattern cannot match them.
    private func refuseTypedCatches(_ item: CodeBlockItemSyntax, probesFrom first: Int) {
        var node = Syntax(item.item)
        if let statement = node.as(ExpressionStmtSyntax.self) { node = Syntax(statement.expression) }
        guard let doStatement = node.as(DoStmtSyntax.self),
            probes[first...].contains(where: { $0.chain.throwing && doStatement.body.contains($0.chain.expression) })
        else { return }
        for clause in doStatement.catchClauses where !clause.catchItems.isEmpty {
            refuse(clause, "the checker receives the student's errors as text: catch without a pattern and check `\\(error)` (e.g. `catch { checkEqual(\"\\(error)\", \"negative(-1)\") }`)")
        }
    }

    private func refuse(_ node: some SyntaxProtocol, _ message: String) {
        refusals.append(Refusal(position: node.positionAfterSkippingLeadingTrivia, message: message))
    }

    private func describe(_ kind: ChainKind) -> String {
        switch kind {
        case .value: "a value"
        case .object: "an object"
        case .effect: "a change"
        }
    }

    private func declaredTypeName(_ item: CodeBlockItemSyntax.Item) -> String? {
        if let type = item.as(StructDeclSyntax.self) { return type.name.text }
        if let type = item.as(ClassDeclSyntax.self) { return type.name.text }
        if let type = item.as(EnumDeclSyntax.self) { return type.name.text }
        return nil
    }

    // MARK: Statement shapes

    /// The blocks of a loop, condition, `do` or `switch` statement (nil for any other statement).
    static func blocks(of item: CodeBlockItemSyntax) -> [CodeBlockItemListSyntax]? {
        var node = Syntax(item.item)
        if let statement = node.as(ExpressionStmtSyntax.self) { node = Syntax(statement.expression) }
        if let statement = node.as(StmtSyntax.self), let expression = statement.as(ExpressionStmtSyntax.self) {
            node = Syntax(expression.expression)
        }
        if let loop = node.as(ForStmtSyntax.self) { return [loop.body.statements] }
        if let loop = node.as(WhileStmtSyntax.self) { return [loop.body.statements] }
        if let loop = node.as(RepeatStmtSyntax.self) { return [loop.body.statements] }
        if let guardStatement = node.as(GuardStmtSyntax.self) { return [guardStatement.body.statements] }
        if let doStatement = node.as(DoStmtSyntax.self) {
            return [doStatement.body.statements] + doStatement.catchClauses.map(\.body.statements)
        }
        if let ifExpression = node.as(IfExprSyntax.self) { return ifBlocks(ifExpression) }
        if let switchExpression = node.as(SwitchExprSyntax.self) {
            return switchExpression.cases.compactMap { $0.as(SwitchCaseSyntax.self)?.statements }
        }
        return nil
    }

    /// The blocks of an `if` and of its `else if`s and `else`; nil when an `else` is of a kind this swift-syntax
    /// does not name (the statement is then read whole, like any other).
    private static func ifBlocks(_ node: IfExprSyntax) -> [CodeBlockItemListSyntax]? {
        var result = [node.body.statements]
        switch node.elseBody {
        case .ifExpr(let next):
            guard let blocks = ifBlocks(next) else { return nil }
            result += blocks
        case .codeBlock(let block): result.append(block.statements)
        case nil: break
        @unknown default: return nil
        }
        return result
    }

    /// The parts of such a statement that decide which block runs.
    static func headers(of item: CodeBlockItemSyntax) -> [Syntax] {
        var node = Syntax(item.item)
        if let statement = node.as(ExpressionStmtSyntax.self) { node = Syntax(statement.expression) }
        if let loop = node.as(ForStmtSyntax.self) { return [Syntax(loop.sequence)] + (loop.whereClause.map { [Syntax($0)] } ?? []) }
        if let loop = node.as(WhileStmtSyntax.self) { return [Syntax(loop.conditions)] }
        if let loop = node.as(RepeatStmtSyntax.self) { return [Syntax(loop.condition)] }
        if let guardStatement = node.as(GuardStmtSyntax.self) { return [Syntax(guardStatement.conditions)] }
        if let ifExpression = node.as(IfExprSyntax.self) { return ifHeaders(ifExpression) }
        if let switchExpression = node.as(SwitchExprSyntax.self) { return [Syntax(switchExpression.subject)] }
        return []
    }

    private static func ifHeaders(_ node: IfExprSyntax) -> [Syntax] {
        var result = [Syntax(node.conditions)]
        if case .ifExpr(let next) = node.elseBody { result += ifHeaders(next) }
        return result
    }

    static func isInsideClosure(_ node: some SyntaxProtocol, within outer: some SyntaxProtocol) -> Bool {
        var current = node.parent
        while let parent = current, parent.id != outer.id {
            if parent.is(ClosureExprSyntax.self) { return true }
            current = parent.parent
        }
        return false
    }
}

/// Finds the calls of some functions by name.
private final class CallFinder: SyntaxVisitor {
    let names: Set<String>
    var calls: [FunctionCallExprSyntax] = []

    init(names: Set<String>) {
        self.names = names
        super.init(viewMode: .sourceAccurate)
    }

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        if let callee = node.calledExpression.as(DeclReferenceExprSyntax.self), names.contains(callee.baseName.text) {
            calls.append(node)
        }
        return .visitChildren
    }
}

import SwiftSyntax

/// Finds, in a statement, the expressions that reach the student's code, and the checks.
///
/// A *chain* starts at a name bound to the student's code (an exercise's function, type or variable, or a local
/// or global that holds what the student's code built) and takes in the calls, member accesses and subscripts
/// applied to it: in `abs(mean([1, 2, 3]) - 2) < 1e-9` it is `mean([1, 2, 3])`, in `model.predict(3)` the whole
/// chain. Its ``ChainKind`` says whether its value can be judged by the checker. An object passed to a call
/// (`empiricalMean(sampler, n: 1000)`) makes the call the chain. A check is a call of `check`, `checkEqual`,
/// `precondition`, `assert`, `reportPartialCredit` or their relatives (module-qualified or not).
final class ProbeFinder: SyntaxVisitor {
    /// The calls that decide a test: in the submission program they are replaced by their probes alone.
    static let checkNames: Set<String> = [
        "check", "checkEqual", "precondition", "preconditionFailure", "assert", "assertionFailure", "fatalError",
        "reportPartialCredit",
    ]

    /// An expression that reaches the student's code.
    struct Chain {
        var expression: ExprSyntax
        var kind: ChainKind
        /// It is written inside a `try`: the student's code may throw, and the checker must see the same throw.
        var throwing: Bool
        /// Names the chain passes `inout` (`&rng`): the student's code may change them.
        var written: Set<String>
    }

    private let symbols: ExerciseSymbols
    private let tainted: [String: ChainKind]
    private(set) var chains: [Chain] = []
    private(set) var checks: [FunctionCallExprSyntax] = []

    init(symbols: ExerciseSymbols, tainted: [String: ChainKind]) {
        self.symbols = symbols
        self.tainted = tainted
        super.init(viewMode: .sourceAccurate)
    }

    /// The outermost chains and checks of `node`, in source order.
    static func find(in node: some SyntaxProtocol, symbols: ExerciseSymbols, tainted: [String: ChainKind] = [:])
        -> (chains: [Chain], checks: [FunctionCallExprSyntax])
    {
        let finder = ProbeFinder(symbols: symbols, tainted: tainted)
        finder.walk(node)
        let outer = outermost(finder.chains.map(\.expression))
        let chains = outer.compactMap { expression in finder.chains.first { $0.expression.id == expression.id } }
        return (chains, outermost(finder.checks))
    }

    /// Whether `node` holds a check.
    static func containsCheck(_ node: some SyntaxProtocol) -> Bool {
        let finder = CheckFinder(viewMode: .sourceAccurate)
        finder.walk(node)
        return finder.found
    }

    static func isCheck(_ call: FunctionCallExprSyntax) -> Bool {
        checkName(of: call.calledExpression).map(checkNames.contains) == true
    }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        let name = node.baseName.text
        guard symbols.names.contains(name) || tainted[name] != nil else { return .visitChildren }
        // `x.mean` names a member, not the exercise's `mean`.
        if let member = node.parent?.as(MemberAccessExprSyntax.self), member.declName.id == node.id { return .visitChildren }
        if let chain = chain(from: node) { chains.append(chain) }
        return .visitChildren
    }

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        if Self.isCheck(node) { checks.append(node) }
        return .visitChildren
    }

    /// The chain that starts at `reference`, extended through an enclosing call while it is an object.
    private func chain(from reference: DeclReferenceExprSyntax) -> Chain? {
        let name = reference.baseName.text
        var expression = ExprSyntax(reference)
        var kind: ChainKind
        var calledDirectly = false
        if let known = tainted[name] {
            kind = known
        } else if let result = symbols.functionResults[name] {
            calledDirectly = reference.parent?.as(FunctionCallExprSyntax.self)?.calledExpression.id == reference.id
            kind = calledDirectly ? ChainKind.of(type: result, symbols: symbols) : .object
        } else if symbols.typeNames.contains(name) {
            // `Tally(...)` builds an instance; `Tally.member` reads a static member.
            calledDirectly = reference.parent?.as(FunctionCallExprSyntax.self)?.calledExpression.id == reference.id
            kind = .object
        } else if let type = symbols.variableTypes[name] {
            kind = ChainKind.of(type: type, symbols: symbols)
        } else {
            kind = .value
        }
        extend(&expression, &kind, skippingFirstCall: calledDirectly)
        // An object handed to a call: the call's result is what the test examines.
        while kind == .object, let call = enclosingCall(of: expression), !Self.isCheck(call) {
            expression = ExprSyntax(call)
            kind = calleeKind(call)
            extend(&expression, &kind, skippingFirstCall: true)
        }
        // A place written to (`&total`, `total = 0`, `tally.count += 1`) is a change of the student's state.
        if expression.parent?.is(InOutExprSyntax.self) == true || Self.isAssigned(expression) { kind = .effect }
        return Chain(
            expression: expression, kind: kind, throwing: Self.isInsideTry(expression),
            written: Set(NameCollector.written(in: expression, countingMethodCalls: false)))
    }

    /// Takes in the member accesses, calls and subscripts applied to `expression`.
    private func extend(_ expression: inout ExprSyntax, _ kind: inout ChainKind, skippingFirstCall: Bool) {
        var skipCall = skippingFirstCall
        while let parent = expression.parent {
            if let member = parent.as(MemberAccessExprSyntax.self), member.base?.id == expression.id {
                expression = ExprSyntax(member)
                let memberName = member.declName.baseName.text
                if let result = symbols.memberResults[memberName] {
                    kind = ChainKind.of(type: result, symbols: symbols)
                    skipCall = true
                } else {
                    kind = .value
                    skipCall = true
                }
            } else if let call = parent.as(FunctionCallExprSyntax.self), call.calledExpression.id == expression.id {
                expression = ExprSyntax(call)
                if !skipCall { kind = .value }
                skipCall = false
            } else if let subscriptCall = parent.as(SubscriptCallExprSyntax.self), subscriptCall.calledExpression.id == expression.id {
                expression = ExprSyntax(subscriptCall)
                kind = .value
                skipCall = false
            } else if let unwrap = parent.as(ForceUnwrapExprSyntax.self) {
                expression = ExprSyntax(unwrap)
            } else if let optional = parent.as(OptionalChainingExprSyntax.self) {
                expression = ExprSyntax(optional)
            } else {
                break
            }
        }
    }

    /// The call `expression` is an argument of (`f(x)`, `f(label: x)`, `f(&x)` is not one).
    private func enclosingCall(of expression: ExprSyntax) -> FunctionCallExprSyntax? {
        guard let argument = expression.parent?.as(LabeledExprSyntax.self),
            let list = argument.parent?.as(LabeledExprListSyntax.self)
        else { return nil }
        return list.parent?.as(FunctionCallExprSyntax.self)
    }

    /// The kind of a call's result, from its callee when it is the student's (a function or a tainted helper).
    private func calleeKind(_ call: FunctionCallExprSyntax) -> ChainKind {
        guard let callee = call.calledExpression.as(DeclReferenceExprSyntax.self) else { return .value }
        let name = callee.baseName.text
        if let result = symbols.functionResults[name] { return ChainKind.of(type: result, symbols: symbols) }
        if symbols.typeNames.contains(name) { return .object }
        if let known = tainted[name], known != .value { return known == .effect ? .effect : .value }
        return .value
    }

    /// Whether `expression` stands inside a `try` of its statement.
    private static func isInsideTry(_ expression: ExprSyntax) -> Bool {
        var node = expression.parent
        while let current = node {
            if current.is(TryExprSyntax.self) { return true }
            if current.is(CodeBlockItemSyntax.self) || current.is(ClosureExprSyntax.self) { return false }
            node = current.parent
        }
        return false
    }

    /// The function name of a callee `name`, `Swift.name`, `LessonKit.name` or `LessonRuntime.name`.
    static func checkName(of callee: ExprSyntax) -> String? {
        if let reference = callee.as(DeclReferenceExprSyntax.self) { return reference.baseName.text }
        if let member = callee.as(MemberAccessExprSyntax.self),
            let module = member.base?.as(DeclReferenceExprSyntax.self)?.baseName.text,
            module == "Swift" || module == "LessonKit" || module == "LessonRuntime"
        {
            return member.declName.baseName.text
        }
        return nil
    }

    /// Whether `expression` is the left side of an assignment in an unfolded sequence (`x = 1`, `x += 1`).
    static func isAssigned(_ expression: ExprSyntax) -> Bool {
        guard let list = expression.parent?.as(ExprListSyntax.self) else { return false }
        guard let index = list.firstIndex(where: { $0.id == expression.id }) else { return false }
        let next = list.index(after: index)
        guard next != list.endIndex else { return false }
        return isAssignmentOperator(list[next])
    }

    /// `=` or a compound assignment (`+=`, `-=`, ...), not a comparison.
    static func isAssignmentOperator(_ expression: ExprSyntax) -> Bool {
        if expression.is(AssignmentExprSyntax.self) { return true }
        guard let binary = expression.as(BinaryOperatorExprSyntax.self) else { return false }
        let text = binary.operator.text
        return text.hasSuffix("=") && !["==", "!=", "<=", ">=", "===", "!=="].contains(text)
    }

    /// Drops nodes that lie inside another node of the list.
    static func outermost<Node: SyntaxProtocol>(_ nodes: [Node]) -> [Node] {
        let sorted = nodes.sorted { $0.position < $1.position }
        var result: [Node] = []
        for node in sorted {
            if let last = result.last, node.position >= last.position, node.endPosition <= last.endPosition { continue }
            result.append(node)
        }
        return result
    }
}

/// Finds whether a subtree holds a check.
private final class CheckFinder: SyntaxVisitor {
    var found = false

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        if ProbeFinder.isCheck(node) { found = true }
        return found ? .skipChildren : .visitChildren
    }
}

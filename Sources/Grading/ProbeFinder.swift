import SwiftSyntax

/// Finds, in a test cell, the expressions that reach the student's code (probes) and the checks.
///
/// A probe is the longest chain of calls, member accesses and subscripts that starts at an exercise symbol:
/// in `abs(mean([1, 2, 3]) - 2) < 1e-9` it is `mean([1, 2, 3])`, in `Model(k: 3).logLikelihood(x)` the whole
/// chain. Its value is what the checker examines. Probes inside another probe are part of it. A check is a call
/// of `check`, `checkEqual`, `precondition`, `assert` or their relatives (module-qualified or not).
final class ProbeFinder: SyntaxVisitor {
    /// The calls that decide a test: in the submission program they are replaced by their probes alone.
    static let checkNames: Set<String> = [
        "check", "checkEqual", "precondition", "preconditionFailure", "assert", "assertionFailure", "fatalError",
    ]

    private let symbols: ExerciseSymbols
    private(set) var probes: [ExprSyntax] = []
    private(set) var checks: [FunctionCallExprSyntax] = []

    init(symbols: ExerciseSymbols) {
        self.symbols = symbols
        super.init(viewMode: .sourceAccurate)
    }

    /// The outermost probes and checks of `node`, in source order.
    static func find(in node: some SyntaxProtocol, symbols: ExerciseSymbols) -> (probes: [ExprSyntax], checks: [FunctionCallExprSyntax]) {
        let finder = ProbeFinder(symbols: symbols)
        finder.walk(node)
        return (outermost(finder.probes), outermost(finder.checks))
    }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        guard symbols.names.contains(node.baseName.text) else { return .visitChildren }
        // `x.mean` names a member, not the exercise's `mean`.
        if let member = node.parent?.as(MemberAccessExprSyntax.self), member.declName.id == node.id { return .visitChildren }
        var chain = ExprSyntax(node)
        while let parent = chain.parent {
            if let member = parent.as(MemberAccessExprSyntax.self), member.base?.id == chain.id {
                chain = ExprSyntax(member)
            } else if let call = parent.as(FunctionCallExprSyntax.self), call.calledExpression.id == chain.id {
                chain = ExprSyntax(call)
            } else if let subscriptCall = parent.as(SubscriptCallExprSyntax.self), subscriptCall.calledExpression.id == chain.id {
                chain = ExprSyntax(subscriptCall)
            } else if let unwrap = parent.as(ForceUnwrapExprSyntax.self) {
                chain = ExprSyntax(unwrap)
            } else if let optional = parent.as(OptionalChainingExprSyntax.self) {
                chain = ExprSyntax(optional)
            } else {
                break
            }
        }
        // A place written to (`&total`, `total = 0`) is not a value to examine.
        if chain.parent?.is(InOutExprSyntax.self) == true || Self.isAssigned(chain) { return .visitChildren }
        probes.append(chain)
        return .visitChildren
    }

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        if Self.checkName(of: node.calledExpression).map(Self.checkNames.contains) == true { checks.append(node) }
        return .visitChildren
    }

    /// The function name of a callee `name`, `Swift.name` or `LessonKit.name`.
    static func checkName(of callee: ExprSyntax) -> String? {
        if let reference = callee.as(DeclReferenceExprSyntax.self) { return reference.baseName.text }
        if let member = callee.as(MemberAccessExprSyntax.self),
            let module = member.base?.as(DeclReferenceExprSyntax.self)?.baseName.text,
            module == "Swift" || module == "LessonKit"
        {
            return member.declName.baseName.text
        }
        return nil
    }

    /// Whether `expression` is the left side of an assignment in an unfolded sequence (`x = 1`, `x += 1`).
    private static func isAssigned(_ expression: ExprSyntax) -> Bool {
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
    private static func outermost<Node: SyntaxProtocol>(_ nodes: [Node]) -> [Node] {
        let sorted = nodes.sorted { $0.position < $1.position }
        var result: [Node] = []
        for node in sorted {
            if let last = result.last, node.position >= last.position, node.endPosition <= last.endPosition { continue }
            result.append(node)
        }
        return result
    }
}

import SwiftSyntax

/// Which top-level statements of a test cell the submission program keeps: those with a probe, and those that
/// declare or change a name that a kept statement uses (found backwards, so a probe's inputs are computed but
/// the expected values are not). Checks are never kept: inside a kept statement they shrink to their probes.
struct SubmissionSlice {
    /// The kept statements.
    private(set) var kept: Set<SyntaxIdentifier> = []
    private let probes: [ExprSyntax]
    private let checks: [FunctionCallExprSyntax]

    /// - Parameter required: statements (at any depth) that must run in the submission: they build or change the
    ///   student's objects.
    init(file: SourceFileSyntax, probes: [ExprSyntax], checks: [FunctionCallExprSyntax], required: [CodeBlockItemSyntax] = []) {
        self.probes = probes
        self.checks = checks
        var needed: Set<String> = []
        for item in file.statements.reversed() {
            let hasProbe = probes.contains { item.contains($0) } || required.contains { item.contains($0) }
            let changes = Self.declaredNames(item).union(Self.writtenNames(item))
            guard hasProbe || !changes.isDisjoint(with: needed) else { continue }
            kept.insert(item.id)
            needed.formUnion(mentionedNames(item))
        }
    }

    /// Names `item` uses, leaving out what only its checks use (their expected values, their messages).
    private func mentionedNames(_ item: CodeBlockItemSyntax) -> Set<String> {
        let references = NameCollector.references(in: item)
        return Set(references.filter { reference in
            let inCheck = checks.contains { $0.contains(reference) }
            return !inCheck || probes.contains { $0.contains(reference) }
        }.map(\.baseName.text))
    }

    /// Names a declaration introduces (`let x`, `func f`, `struct S`).
    private static func declaredNames(_ item: CodeBlockItemSyntax) -> Set<String> {
        if let variable = item.item.as(VariableDeclSyntax.self) {
            return Set(variable.bindings.flatMap { binding in
                binding.pattern.tokens(viewMode: .sourceAccurate).filter { $0.tokenKind.isIdentifier }.map(\.text)
            })
        }
        if let function = item.item.as(FunctionDeclSyntax.self) { return [function.name.text] }
        if let type = item.item.as(StructDeclSyntax.self) { return [type.name.text] }
        if let type = item.item.as(ClassDeclSyntax.self) { return [type.name.text] }
        if let type = item.item.as(EnumDeclSyntax.self) { return [type.name.text] }
        return []
    }

    /// Names a statement may change: `&x`, `x = …`, `x += …`, and (outside declarations) `x.method(…)`.
    private static func writtenNames(_ item: CodeBlockItemSyntax) -> Set<String> {
        NameCollector.written(in: item, countingMethodCalls: !item.item.is(DeclSyntax.self))
    }
}

/// Collects name references and written names in a subtree.
final class NameCollector: SyntaxVisitor {
    private var references: [DeclReferenceExprSyntax] = []
    private var written: Set<String> = []
    private let countingMethodCalls: Bool

    private init(countingMethodCalls: Bool) {
        self.countingMethodCalls = countingMethodCalls
        super.init(viewMode: .sourceAccurate)
    }

    /// Every name reference (not member names) in `node`.
    static func references(in node: some SyntaxProtocol) -> [DeclReferenceExprSyntax] {
        let collector = NameCollector(countingMethodCalls: false)
        collector.walk(node)
        return collector.references
    }

    /// Names written in `node`.
    static func written(in node: some SyntaxProtocol, countingMethodCalls: Bool) -> Set<String> {
        let collector = NameCollector(countingMethodCalls: countingMethodCalls)
        collector.walk(node)
        return collector.written
    }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        if let member = node.parent?.as(MemberAccessExprSyntax.self), member.declName.id == node.id { return .visitChildren }
        references.append(node)
        return .visitChildren
    }

    override func visit(_ node: InOutExprSyntax) -> SyntaxVisitorContinueKind {
        if let root = Self.root(of: node.expression) { written.insert(root) }
        return .visitChildren
    }

    override func visit(_ node: ExprListSyntax) -> SyntaxVisitorContinueKind {
        var previous: ExprSyntax?
        for element in node {
            if ProbeFinder.isAssignmentOperator(element), let target = previous, let root = Self.root(of: target) {
                written.insert(root)
            }
            previous = element
        }
        return .visitChildren
    }

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        if countingMethodCalls, let member = node.calledExpression.as(MemberAccessExprSyntax.self),
            let base = member.base, let root = Self.root(of: base)
        {
            written.insert(root)
        }
        return .visitChildren
    }

    /// The variable at the root of `x`, `x.a.b`, `x[i]`, `x!`.
    static func root(of expression: ExprSyntax) -> String? {
        var current = expression
        while true {
            if let reference = current.as(DeclReferenceExprSyntax.self) { return reference.baseName.text }
            if let member = current.as(MemberAccessExprSyntax.self), let base = member.base { current = base; continue }
            if let subscriptCall = current.as(SubscriptCallExprSyntax.self) { current = subscriptCall.calledExpression; continue }
            if let unwrap = current.as(ForceUnwrapExprSyntax.self) { current = unwrap.expression; continue }
            if let optional = current.as(OptionalChainingExprSyntax.self) { current = optional.expression; continue }
            return nil
        }
    }
}

public import LessonModel
import SwiftParser
import SwiftSyntax

/// The names an instructor's exercise cells declare at the top level: what test cells call to reach the
/// student's code, with what the grader needs to know of each to decide whether an expression built from it is a
/// value the checker can judge (a number, an array, a tuple) or an object that only the submission can hold (an
/// instance of an exercise's type, a closure, the effect of a call that returns nothing).
public struct ExerciseSymbols: Sendable, Equatable {
    /// Functions, types and variables declared at the top level of exercise cells.
    public var names: Set<String> = []
    /// Declared tuple result types of exercise functions, by function name (e.g. `(mean: Double, variance: Double)`).
    public var tupleResults: [String: String] = [:]
    /// Declared result types of exercise functions, by name; `""` for a function that returns nothing.
    public var functionResults: [String: String] = [:]
    /// Types the exercise cells declare (structs, classes, enums, actors, type aliases), at any depth.
    public var typeNames: Set<String> = []
    /// Result types of the members of exercise types, by member name: methods (`""` when they return nothing),
    /// properties (their annotated type). A name declared twice with different kinds is left out (unknown).
    public var memberResults: [String: String] = [:]
    /// Annotated types of top-level exercise variables, by name.
    public var variableTypes: [String: String] = [:]

    /// Creates an empty set.
    public init() {}

    /// The symbols of every auto-graded exercise of `instructor`.
    public static func collect(instructor: Lesson, markup: GradingMarkup) -> ExerciseSymbols {
        var symbols = ExerciseSymbols()
        var conflicting: Set<String> = []
        for exercise in markup.exercises where !exercise.isManual {
            let file = Parser.parse(source: instructor.cells[exercise.cellIndex].source)
            for item in file.statements { symbols.add(item.item) }
            let members = MemberCollector(viewMode: .sourceAccurate)
            members.walk(file)
            symbols.typeNames.formUnion(members.types)
            for (name, result) in members.results {
                if let known = symbols.memberResults[name], known != result { conflicting.insert(name) }
                symbols.memberResults[name] = result
            }
        }
        for name in conflicting { symbols.memberResults[name] = nil }
        return symbols
    }

    private mutating func add(_ item: CodeBlockItemSyntax.Item) {
        if let function = item.as(FunctionDeclSyntax.self) {
            names.insert(function.name.text)
            let result = function.signature.returnClause?.type
            functionResults[function.name.text] = result?.trimmedDescription ?? ""
            if let result, result.is(TupleTypeSyntax.self) {
                tupleResults[function.name.text] = result.trimmedDescription
            }
        } else if let variable = item.as(VariableDeclSyntax.self) {
            for binding in variable.bindings {
                for identifier in binding.pattern.tokens(viewMode: .sourceAccurate) where identifier.tokenKind.isIdentifier {
                    names.insert(identifier.text)
                    if let type = binding.typeAnnotation?.type { variableTypes[identifier.text] = type.trimmedDescription }
                }
            }
        } else if let type = item.as(StructDeclSyntax.self) {
            names.insert(type.name.text)
        } else if let type = item.as(ClassDeclSyntax.self) {
            names.insert(type.name.text)
        } else if let type = item.as(EnumDeclSyntax.self) {
            names.insert(type.name.text)
        } else if let type = item.as(ActorDeclSyntax.self) {
            names.insert(type.name.text)
        } else if let alias = item.as(TypeAliasDeclSyntax.self) {
            names.insert(alias.name.text)
        }
    }
}

/// Collects the types an exercise cell declares and the result types of their members.
private final class MemberCollector: SyntaxVisitor {
    var types: Set<String> = []
    var results: [String: String] = [:]
    private var depth = 0

    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: StructDeclSyntax) { depth -= 1 }
    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: ClassDeclSyntax) { depth -= 1 }
    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: EnumDeclSyntax) { depth -= 1 }
    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: ActorDeclSyntax) { depth -= 1 }
    override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
        depth += 1
        return .visitChildren
    }
    override func visitPost(_ node: ExtensionDeclSyntax) { depth -= 1 }
    override func visit(_ node: TypeAliasDeclSyntax) -> SyntaxVisitorContinueKind {
        types.insert(node.name.text)
        return .skipChildren
    }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        if depth > 0 { results[node.name.text] = node.signature.returnClause?.type.trimmedDescription ?? "" }
        return .skipChildren
    }

    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
        guard depth > 0 else { return .skipChildren }
        for binding in node.bindings {
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else { continue }
            results[name] = binding.typeAnnotation?.type.trimmedDescription ?? "?"
        }
        return .skipChildren
    }

    private func enter(_ name: String) -> SyntaxVisitorContinueKind {
        types.insert(name)
        depth += 1
        return .visitChildren
    }
}

extension TokenKind {
    var isIdentifier: Bool {
        if case .identifier = self { return true }
        return false
    }
}

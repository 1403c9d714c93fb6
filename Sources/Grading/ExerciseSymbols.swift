public import LessonModel
import SwiftParser
import SwiftSyntax

/// The names an instructor's exercise cells declare at the top level: what test cells call to reach the
/// student's code. Each function's declared result type is kept where it is a tuple, so that a probe of it keeps
/// the tuple's labels (`moments.mean`).
public struct ExerciseSymbols: Sendable, Equatable {
    /// Functions, types and variables declared at the top level of exercise cells.
    public var names: Set<String> = []
    /// Declared tuple result types of exercise functions, by function name (e.g. `(mean: Double, variance: Double)`).
    public var tupleResults: [String: String] = [:]

    /// Creates an empty set.
    public init() {}

    /// The symbols of every auto-graded exercise of `instructor`.
    public static func collect(instructor: Lesson, markup: GradingMarkup) -> ExerciseSymbols {
        var symbols = ExerciseSymbols()
        for exercise in markup.exercises where !exercise.isManual {
            let file = Parser.parse(source: instructor.cells[exercise.cellIndex].source)
            for item in file.statements { symbols.add(item.item) }
        }
        return symbols
    }

    private mutating func add(_ item: CodeBlockItemSyntax.Item) {
        if let function = item.as(FunctionDeclSyntax.self) {
            names.insert(function.name.text)
            if let result = function.signature.returnClause?.type, result.is(TupleTypeSyntax.self) {
                tupleResults[function.name.text] = result.trimmedDescription
            }
        } else if let variable = item.as(VariableDeclSyntax.self) {
            for binding in variable.bindings {
                for identifier in binding.pattern.tokens(viewMode: .sourceAccurate) where identifier.tokenKind.isIdentifier {
                    names.insert(identifier.text)
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

extension TokenKind {
    var isIdentifier: Bool {
        if case .identifier = self { return true }
        return false
    }
}

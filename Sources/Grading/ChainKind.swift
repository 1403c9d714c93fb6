import Foundation
import SwiftParser
import SwiftSyntax

/// What an expression built from the student's code gives the test that uses it.
///
/// Only a *value* can travel from the submission to the checker (it is encoded, sent and decoded as the type the
/// instructor's code gives it). An *object* (an instance of an exercise's type, a closure, a function) and an
/// *effect* (a call that returns nothing, such as `tally.add(5)` or `sort(&xs)`) stay in the submission: the
/// statements that build and change them run there only, and the checker examines the values read from them.
enum ChainKind: Sendable, Equatable {
    case value
    case object
    case effect

    /// The kind of a value of the declared type `type` (`""`: a function that returns nothing; `"?"`: unknown).
    static func of(type: String, symbols: ExerciseSymbols) -> ChainKind {
        let trimmed = type.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed == "Void" || trimmed == "()" { return .effect }
        if trimmed == "?" { return .value }
        if trimmed.contains("->") || trimmed.hasPrefix("some ") || trimmed.hasPrefix("any ") || trimmed == "Self" {
            return .object
        }
        let parsed = TypeSyntax(Parser.parse(source: "let _: \(trimmed)").statements.first?.item
            .as(VariableDeclSyntax.self)?.bindings.first?.typeAnnotation?.type)
        let identifiers = parsed?.tokens(viewMode: .sourceAccurate).filter { $0.tokenKind.isIdentifier }.map(\.text) ?? []
        return identifiers.contains(where: symbols.typeNames.contains) ? .object : .value
    }
}


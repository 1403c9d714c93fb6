import SwiftParser
import SwiftSyntax

/// What students get in place of a solution: a stub that still compiles, and holds nothing of the solution but
/// the names later code needs.
///
/// Parsed with swift-syntax. What a stub keeps depends on where the region stands (``SolutionContext``):
/// - inside a body of code (the usual place: a function's body), the stub is the trap and nothing else, so no
///   line of the solution (a typed local, a nested function, a closure) reaches the student;
/// - at the top level of a cell, each function keeps its signature with a body that traps, and each variable with
///   a type annotation becomes a computed variable of that type that traps when read (so a stub for
///   `let answer: Double` costs only the code that reads `answer`, never the program); if anything else was left
///   out, the stub ends with the trap;
/// - among a type's members, functions keep their signatures and typed stored properties a trapping value.
///
/// The stub starts with `// YOUR CODE HERE`.
public enum SolutionStub {
    /// The trap students see until they write their own code.
    public static let trap = "fatalError(\"not implemented yet\")"

    /// The message of ``trap``: a failure with it means "this exercise is not done yet".
    public static let trapMessage = "not implemented yet"

    /// The stub lines for `solution` (the code between the markers), indented like the `// BEGIN SOLUTION` line.
    public static func lines(for solution: String, indentation: String, context: SolutionContext = .topLevel) -> [String] {
        var lines = [indentation + "// YOUR CODE HERE"]
        if context == .body { return lines + [indentation + trap] }
        let file = Parser.parse(source: solution)
        var dropped = false
        for item in file.statements {
            if let function = item.item.as(FunctionDeclSyntax.self) {
                var signature = function.with(\.body, nil).with(\.leadingTrivia, []).with(\.trailingTrivia, [])
                signature.attributes = signature.attributes.with(\.leadingTrivia, [])
                lines.append(indentation + signature.description.trimmingTrailingSpace() + " {")
                lines.append(indentation + "    " + trap)
                lines.append(indentation + "}")
            } else if let variable = item.item.as(VariableDeclSyntax.self),
                variable.bindings.allSatisfy({ $0.typeAnnotation != nil })
            {
                lines += variable.bindings.map { indentation + declaration($0, of: variable, context: context) }
            } else {
                dropped = true
            }
        }
        // Statements were left out (or there was nothing to keep): the stub must still stop. A trap cannot stand
        // among a type's members.
        if context == .topLevel && (dropped || file.statements.isEmpty) { lines.append(indentation + trap) }
        return lines
    }

    /// The stub of one typed binding: a computed variable that traps when read (at the top level of a cell), or a
    /// stored one whose value traps (among a type's members, where a computed property would change the type).
    private static func declaration(_ binding: PatternBindingSyntax, of variable: VariableDeclSyntax, context: SolutionContext)
        -> String
    {
        let name = binding.pattern.trimmedDescription
        let type = binding.typeAnnotation!.type.trimmedDescription
        guard context == .topLevel, binding.pattern.is(IdentifierPatternSyntax.self) else {
            // `Never` does not convert to a value type, but a closure that traps does.
            return "\(variable.bindingSpecifier.text) \(name): \(type) = { \(trap) }()"
        }
        return variable.bindingSpecifier.tokenKind == .keyword(.let)
            ? "var \(name): \(type) { \(trap) }"
            : "var \(name): \(type) { get { \(trap) } set { \(trap) } }"
    }

    /// Declarations in `solution` that a stub cannot keep: variables without a type annotation.
    public static func untypedVariables(in solution: String) -> [String] {
        Parser.parse(source: solution).statements.compactMap { item in
            guard let variable = item.item.as(VariableDeclSyntax.self) else { return nil }
            let untyped = variable.bindings.filter { $0.typeAnnotation == nil }
            return untyped.isEmpty ? nil : untyped.map(\.pattern.trimmedDescription).joined(separator: ", ")
        }
    }
}

extension String {
    func trimmingTrailingSpace() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\n" || last == "\t" { result.removeLast() }
        return result
    }
}

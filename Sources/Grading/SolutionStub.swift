import SwiftParser
import SwiftSyntax

/// What students get in place of a solution: a stub that still compiles.
///
/// Parsed with swift-syntax: each function keeps its signature and gets a body that traps with
/// "not implemented yet"; each variable with a type annotation keeps its declaration, with a closure that traps as
/// its value; anything else is left out, and then the stub ends with the trap, so that a region inside a
/// function body still returns (by trapping). The stub starts with `// YOUR CODE HERE`.
public enum SolutionStub {
    /// The trap students see until they write their own code.
    public static let trap = "fatalError(\"not implemented yet\")"

    /// The stub lines for `solution` (the code between the markers), indented like the `// BEGIN SOLUTION` line.
    public static func lines(for solution: String, indentation: String) -> [String] {
        let file = Parser.parse(source: solution)
        var lines = [indentation + "// YOUR CODE HERE"]
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
                for binding in variable.bindings {
                    let name = binding.pattern.trimmedDescription
                    let type = binding.typeAnnotation!.type.trimmedDescription
                    // `Never` does not convert to a value type, but a closure that traps does.
                    lines.append(indentation + "\(variable.bindingSpecifier.text) \(name): \(type) = { \(trap) }()")
                }
            } else {
                dropped = true
            }
        }
        // Statements were left out (or there was nothing to keep): the stub must still return or stop.
        if dropped || file.statements.isEmpty { lines.append(indentation + trap) }
        return lines
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

import SwiftParser
import SwiftSyntax

/// An exercise cell as the checker compiles it: every declaration kept, so tests type-check against it, and every
/// body replaced by a trap, so the checker can never run the exercise's code (the instructor's or the student's).
///
/// Functions, initializers, computed properties, subscripts and observers trap with
/// `LessonRuntime.checkerReachedStudentCode`; a top-level variable with a type becomes a computed one that traps;
/// statements that are not declarations are left out. Lines stay where they were.
enum CheckerStub {
    /// The checker's version of the exercise cell `source`; `trap` is what bodies run instead (by default, the
    /// checker's message that it reached the exercise's code).
    static func make(_ source: String, trap: String? = nil) -> String {
        let file = Parser.parse(source: source)
        let finder = BodyFinder(viewMode: .sourceAccurate)
        finder.walk(file)
        var edits = NodeRewrite()
        for (body, name, braced) in finder.bodies {
            let text = (trap ?? "LessonRuntime.checkerReachedStudentCode(\(TestCellSplit.literal(name)))")
                + String(repeating: "\n", count: body.lineBreaks)
            edits.replace(body, with: braced ? "{ " + text + " }" : text)
        }
        for item in file.statements {
            if let variable = item.item.as(VariableDeclSyntax.self) {
                guard variable.bindings.count == 1, let binding = variable.bindings.first,
                    let type = binding.typeAnnotation, binding.accessorBlock == nil,
                    binding.pattern.is(IdentifierPatternSyntax.self)
                else { continue }
                let name = binding.pattern.trimmedDescription
                let body = trap ?? "LessonRuntime.checkerReachedStudentCode(\(TestCellSplit.literal(name)))"
                let text = "var \(name): \(type.type.trimmedDescription) { \(body) }"
                edits.replace(item, with: text + String(repeating: "\n", count: item.lineBreaks))
            } else if !item.item.is(DeclSyntax.self) {
                edits.replace(item, with: String(repeating: "\n", count: item.lineBreaks))
            }
        }
        return edits.applied(to: Array(source.utf8))
    }
}

/// The outermost bodies of functions, initializers and accessors, with the name they belong to.
private final class BodyFinder: SyntaxVisitor {
    var bodies: [(Syntax, String, Bool)] = []

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        if let body = node.body { bodies.append((Syntax(body), node.name.text, true)) }
        return .skipChildren
    }

    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        if let body = node.body { bodies.append((Syntax(body), "init", true)) }
        return .skipChildren
    }

    override func visit(_ node: DeinitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        if let body = node.body { bodies.append((Syntax(body), "deinit", true)) }
        return .skipChildren
    }

    override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind {
        if let block = node.accessorBlock { addAccessors(block, name: "subscript") }
        return .skipChildren
    }

    override func visit(_ node: PatternBindingSyntax) -> SyntaxVisitorContinueKind {
        // Only members of types: top-level variables are rewritten whole.
        let isMember = node.parent?.parent?.parent?.is(MemberBlockItemSyntax.self) == true
        if isMember, let block = node.accessorBlock { addAccessors(block, name: node.pattern.trimmedDescription) }
        return .skipChildren
    }

    private func addAccessors(_ block: AccessorBlockSyntax, name: String) {
        switch block.accessors {
        case .getter(let statements):
            bodies.append((Syntax(statements), name, false))
        case .accessors(let accessors):
            for accessor in accessors {
                guard let body = accessor.body else { continue }
                bodies.append((Syntax(body), name, true))
            }
        @unknown default:
            // A kind of accessors this swift-syntax does not name: the whole block becomes one getter that traps.
            bodies.append((Syntax(block), name, true))
        }
    }
}

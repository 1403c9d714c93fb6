import SwiftParser
import SwiftSyntax

/// Finds public declarations without a documentation comment (`///` or `/** */`) in Swift source.
///
/// Public means: marked `public` or `open`; a member of a `public extension` without its own access modifier; an
/// enum case of a public enum; a requirement of a public protocol. Function bodies are not entered.
enum UndocumentedDeclarations {
    /// `file:line: name` for each undocumented public declaration of `source`, in source order.
    static func find(in source: String, file: String) -> [String] {
        let tree = Parser.parse(source: source)
        let visitor = Visitor(converter: SourceLocationConverter(fileName: file, tree: tree), file: file)
        visitor.walk(tree)
        return visitor.findings
    }

    private final class Visitor: SyntaxVisitor {
        let converter: SourceLocationConverter
        let file: String
        var findings: [String] = []
        /// For each enclosing type or extension: whether its members without a modifier are public.
        private var implicitlyPublic: [Bool] = []

        init(converter: SourceLocationConverter, file: String) {
            self.converter = converter
            self.file = file
            super.init(viewMode: .sourceAccurate)
        }

        static func access(_ modifiers: DeclModifierListSyntax) -> String? {
            modifiers.lazy.map(\.name.text).first {
                ["public", "open", "internal", "fileprivate", "private", "package"].contains($0)
            }
        }

        static func hasDocComment(_ node: some SyntaxProtocol) -> Bool {
            node.leadingTrivia.contains { piece in
                switch piece {
                case .docLineComment, .docBlockComment: true
                default: false
                }
            }
        }

        /// Whether a declaration with `modifiers` is public where it stands.
        func isPublic(_ modifiers: DeclModifierListSyntax) -> Bool {
            switch Self.access(modifiers) {
            case "public", "open": true
            case nil: implicitlyPublic.last ?? false
            default: false
            }
        }

        func check(_ node: some SyntaxProtocol, modifiers: DeclModifierListSyntax, name: String) {
            guard isPublic(modifiers), !Self.hasDocComment(node) else { return }
            let line = node.startLocation(converter: converter, afterLeadingTrivia: true).line
            findings.append("\(file):\(line): \(name)")
        }

        /// A type: checks it, then its members with modifier-less members public only for protocols.
        func enterType(_ node: some SyntaxProtocol, modifiers: DeclModifierListSyntax, name: String, membersPublicByDefault: Bool)
            -> SyntaxVisitorContinueKind
        {
            check(node, modifiers: modifiers, name: name)
            implicitlyPublic.append(isPublic(modifiers) && membersPublicByDefault)
            return .visitChildren
        }

        override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind {
            enterType(node, modifiers: node.modifiers, name: node.name.text, membersPublicByDefault: false)
        }
        override func visitPost(_ node: StructDeclSyntax) { implicitlyPublic.removeLast() }
        override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind {
            enterType(node, modifiers: node.modifiers, name: node.name.text, membersPublicByDefault: false)
        }
        override func visitPost(_ node: ClassDeclSyntax) { implicitlyPublic.removeLast() }
        override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind {
            enterType(node, modifiers: node.modifiers, name: node.name.text, membersPublicByDefault: false)
        }
        override func visitPost(_ node: ActorDeclSyntax) { implicitlyPublic.removeLast() }
        override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind {
            // Cases have no modifiers: a public enum's cases are public (checked in `EnumCaseDeclSyntax`).
            check(node, modifiers: node.modifiers, name: node.name.text)
            enumIsPublic.append(isPublic(node.modifiers))
            implicitlyPublic.append(false)
            return .visitChildren
        }
        override func visitPost(_ node: EnumDeclSyntax) {
            implicitlyPublic.removeLast()
            enumIsPublic.removeLast()
        }
        /// For each enclosing enum: whether it is public (so are its cases).
        private var enumIsPublic: [Bool] = []

        override func visit(_ node: EnumCaseDeclSyntax) -> SyntaxVisitorContinueKind {
            if enumIsPublic.last == true, !Self.hasDocComment(node) {
                let line = node.startLocation(converter: converter, afterLeadingTrivia: true).line
                findings.append("\(file):\(line): \(node.elements.map(\.name.text).joined(separator: ", "))")
            }
            return .skipChildren
        }
        override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind {
            enterType(node, modifiers: node.modifiers, name: node.name.text, membersPublicByDefault: true)
        }
        override func visitPost(_ node: ProtocolDeclSyntax) { implicitlyPublic.removeLast() }
        override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
            // An extension is not a symbol of its own; `public extension` makes its plain members public.
            implicitlyPublic.append(Self.access(node.modifiers) == "public")
            return .visitChildren
        }
        override func visitPost(_ node: ExtensionDeclSyntax) { implicitlyPublic.removeLast() }

        override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
            check(node, modifiers: node.modifiers, name: node.name.text)
            return .skipChildren
        }
        override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
            check(node, modifiers: node.modifiers, name: "init")
            return .skipChildren
        }
        override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind {
            check(node, modifiers: node.modifiers, name: "subscript")
            return .skipChildren
        }
        override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
            let names = node.bindings.map { $0.pattern.trimmedDescription }.joined(separator: ", ")
            check(node, modifiers: node.modifiers, name: names)
            return .skipChildren
        }
        override func visit(_ node: TypeAliasDeclSyntax) -> SyntaxVisitorContinueKind {
            check(node, modifiers: node.modifiers, name: node.name.text)
            return .skipChildren
        }
        override func visit(_ node: AssociatedTypeDeclSyntax) -> SyntaxVisitorContinueKind {
            check(node, modifiers: node.modifiers, name: node.name.text)
            return .skipChildren
        }
        override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    }
}

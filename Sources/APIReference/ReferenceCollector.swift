import SwiftParser
import SwiftSyntax

/// Reads one LessonKit source file and lists its public declarations with their `///` comments.
///
/// Top-level types come with their public members (enum cases and protocol requirements included); members of an
/// extension come with the name of the type they extend, to be listed under it.
enum ReferenceCollector {
    /// A declaration found in a file: `owner` is the extended type's name for extension members, else nil.
    struct Found: Sendable {
        var owner: String?
        var entry: ReferenceEntry
    }

    /// The public declarations of `source` (the file `file`, relative to `Sources/LessonKit/`), in source order.
    static func collect(_ source: String, file: String) -> [Found] {
        let tree = Parser.parse(source: source)
        var found: [Found] = []
        for item in tree.statements {
            guard let decl = item.item.as(DeclSyntax.self) else { continue }
            if let extensionDecl = decl.as(ExtensionDeclSyntax.self) {
                let owner = extensionDecl.extendedType.trimmedDescription
                let publicByDefault = access(extensionDecl.modifiers) == "public"
                for member in extensionDecl.memberBlock.members {
                    if let entry = entry(member.decl, file: file, publicByDefault: publicByDefault, inEnum: false) {
                        found.append(Found(owner: owner, entry: entry))
                    }
                }
            } else if let entry = entry(decl, file: file, publicByDefault: false, inEnum: false) {
                found.append(Found(owner: nil, entry: entry))
            }
        }
        return found
    }

    static func access(_ modifiers: DeclModifierListSyntax) -> String? {
        modifiers.lazy.map(\.name.text).first {
            ["public", "open", "internal", "fileprivate", "private", "package"].contains($0)
        }
    }

    static func isPublic(_ modifiers: DeclModifierListSyntax, byDefault: Bool) -> Bool {
        switch access(modifiers) {
        case "public", "open": true
        case nil: byDefault
        default: false
        }
    }

    /// The entry for `decl` if it is public where it stands.
    static func entry(_ decl: DeclSyntax, file: String, publicByDefault: Bool, inEnum: Bool) -> ReferenceEntry? {
        let documentation = docComment(decl.leadingTrivia)
        func make(_ name: String, _ declaration: String, isType: Bool = false) -> ReferenceEntry {
            ReferenceEntry(name: name, declaration: oneLine(declaration), documentation: documentation, file: file,
                isType: isType)
        }
        if let node = decl.as(FunctionDeclSyntax.self), isPublic(node.modifiers, byDefault: publicByDefault) {
            let labels = node.signature.parameterClause.parameters.map { "\($0.firstName.text):" }.joined()
            let shown = node.with(\.body, nil).with(\.attributes, keptAttributes(node.attributes))
            return make("\(node.name.text)(\(labels))", shown.withoutLeadingTrivia.trimmedDescription)
        }
        if let node = decl.as(InitializerDeclSyntax.self), isPublic(node.modifiers, byDefault: publicByDefault) {
            let labels = node.signature.parameterClause.parameters.map { "\($0.firstName.text):" }.joined()
            let shown = node.with(\.body, nil).with(\.attributes, keptAttributes(node.attributes))
            return make("init(\(labels))", shown.withoutLeadingTrivia.trimmedDescription)
        }
        if let node = decl.as(VariableDeclSyntax.self), isPublic(node.modifiers, byDefault: publicByDefault) {
            var bindings = node.bindings
            for index in bindings.indices {
                bindings[index] = bindings[index].with(\.accessorBlock, nil)
                if bindings[index].typeAnnotation != nil { bindings[index] = bindings[index].with(\.initializer, nil) }
            }
            let shown = node.with(\.bindings, bindings).with(\.attributes, keptAttributes(node.attributes))
            let names = node.bindings.map { $0.pattern.trimmedDescription }.joined(separator: ", ")
            return make(names, shown.withoutLeadingTrivia.trimmedDescription)
        }
        if let node = decl.as(SubscriptDeclSyntax.self), isPublic(node.modifiers, byDefault: publicByDefault) {
            let labels = node.parameterClause.parameters.map { "\($0.firstName.text):" }.joined()
            let shown = node.with(\.accessorBlock, nil).with(\.attributes, keptAttributes(node.attributes))
            return make("subscript(\(labels))", shown.withoutLeadingTrivia.trimmedDescription)
        }
        if let node = decl.as(TypeAliasDeclSyntax.self), isPublic(node.modifiers, byDefault: publicByDefault) {
            return make(node.name.text, node.with(\.attributes, []).withoutLeadingTrivia.trimmedDescription, isType: true)
        }
        if let node = decl.as(AssociatedTypeDeclSyntax.self), publicByDefault {
            return make(node.name.text, node.withoutLeadingTrivia.trimmedDescription, isType: true)
        }
        if let node = decl.as(EnumCaseDeclSyntax.self), inEnum {
            return make(node.elements.map(\.name.text).joined(separator: ", "),
                node.with(\.attributes, []).withoutLeadingTrivia.trimmedDescription)
        }
        if let type = TypeDeclaration(decl), isPublic(type.modifiers, byDefault: publicByDefault) {
            var entry = make(type.name, type.heading, isType: true)
            for member in type.members {
                if let child = self.entry(member.decl, file: file, publicByDefault: type.isProtocol,
                    inEnum: type.isEnum)
                {
                    entry.members.append(child)
                }
            }
            return entry
        }
        return nil
    }

    /// Attributes worth showing (`@discardableResult`); optimiser hints such as `@_specialize` and `@inlinable` go.
    static func keptAttributes(_ attributes: AttributeListSyntax) -> AttributeListSyntax {
        AttributeListSyntax(attributes.filter { element in
            guard let attribute = element.as(AttributeSyntax.self) else { return false }
            return attribute.attributeName.trimmedDescription == "discardableResult"
        })
    }

    /// The Markdown of the `///` lines (or `/** */` block) in `trivia`.
    static func docComment(_ trivia: Trivia) -> String {
        var lines: [String] = []
        for piece in trivia {
            switch piece {
            case .docLineComment(let text):
                var line = text.dropFirst(3)
                if line.first == " " { line = line.dropFirst() }
                lines.append(String(line))
            case .docBlockComment(let text):
                let body = text.dropFirst(3).dropLast(2)
                lines += body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    var trimmed = line.drop { $0 == " " || $0 == "\t" }
                    if trimmed.first == "*" { trimmed = trimmed.dropFirst() }
                    if trimmed.first == " " { trimmed = trimmed.dropFirst() }
                    return String(trimmed)
                }
            case .lineComment, .blockComment:
                lines = []  // a plain comment between doc comments ends the doc comment before it
            default:
                continue
            }
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: "\n ")
    }

    /// `text` on one line, runs of spaces and newlines made one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
            .replacingOccurrences(of: "( ", with: "(").replacingOccurrences(of: " )", with: ")")
            .replacingOccurrences(of: ", )", with: ")").replacingOccurrences(of: ",)", with: ")")
    }
}

extension SyntaxProtocol {
    /// The node without the comments and blank lines before it.
    var withoutLeadingTrivia: Self { with(\.leadingTrivia, []) }
}

extension String {
    func trimmingCharacters(in characters: String) -> String {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) { result = result.dropFirst() }
        while let last = result.last, characters.contains(last) { result = result.dropLast() }
        return String(result)
    }
}

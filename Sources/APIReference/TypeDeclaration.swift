import SwiftSyntax

/// A struct, class, actor, enum or protocol declaration seen the same way: its heading and its members.
struct TypeDeclaration {
    var name: String
    var modifiers: DeclModifierListSyntax
    /// `public struct Normal: Distribution`, without attributes, body or comments.
    var heading: String
    var members: MemberBlockItemListSyntax
    var isEnum = false
    var isProtocol = false

    init?(_ decl: DeclSyntax) {
        func heading(_ modifiers: DeclModifierListSyntax, _ keyword: String, _ name: TokenSyntax, _ rest: [(any SyntaxProtocol)?]) -> String {
            ([modifiers.trimmedDescription, keyword, name.text].filter { !$0.isEmpty }.joined(separator: " ")
                + rest.compactMap { $0?.trimmedDescription }.joined(separator: " "))
                .replacingOccurrences(of: " :", with: ":")
        }
        if let node = decl.as(StructDeclSyntax.self) {
            name = node.name.text
            modifiers = node.modifiers
            self.heading = heading(node.modifiers, "struct", node.name, [node.genericParameterClause, node.inheritanceClause, node.genericWhereClause])
            members = node.memberBlock.members
        } else if let node = decl.as(ClassDeclSyntax.self) {
            name = node.name.text
            modifiers = node.modifiers
            self.heading = heading(node.modifiers, "class", node.name, [node.genericParameterClause, node.inheritanceClause, node.genericWhereClause])
            members = node.memberBlock.members
        } else if let node = decl.as(ActorDeclSyntax.self) {
            name = node.name.text
            modifiers = node.modifiers
            self.heading = heading(node.modifiers, "actor", node.name, [node.genericParameterClause, node.inheritanceClause, node.genericWhereClause])
            members = node.memberBlock.members
        } else if let node = decl.as(EnumDeclSyntax.self) {
            name = node.name.text
            modifiers = node.modifiers
            self.heading = heading(node.modifiers, "enum", node.name, [node.genericParameterClause, node.inheritanceClause, node.genericWhereClause])
            members = node.memberBlock.members
            isEnum = true
        } else if let node = decl.as(ProtocolDeclSyntax.self) {
            name = node.name.text
            modifiers = node.modifiers
            self.heading = heading(node.modifiers, "protocol", node.name, [node.inheritanceClause, node.genericWhereClause])
            members = node.memberBlock.members
            isProtocol = true
        } else {
            return nil
        }
    }
}

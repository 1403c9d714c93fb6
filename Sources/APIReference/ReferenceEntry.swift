/// One public declaration of LessonKit as the reference shows it.
public struct ReferenceEntry: Sendable, Hashable {
    /// The heading: a type's name, a function's `name(label:label:)`, a property's name.
    public var name: String
    /// The declaration without its body: `public func logProb(_ x: Double) -> Double`.
    public var declaration: String
    /// The `///` comment's Markdown, without the slashes.
    public var documentation: String
    /// Where it is declared, relative to `Sources/LessonKit/`, e.g. `Distributions/Normal.swift`.
    public var file: String
    /// For a type: its public members (from its body and from extensions in the same area), in source order.
    public var members: [ReferenceEntry] = []
    /// Whether it declares a type (struct, class, enum, protocol, actor or type alias).
    public var isType: Bool

    /// Creates an entry.
    public init(name: String, declaration: String, documentation: String, file: String, isType: Bool) {
        self.name = name
        self.declaration = declaration
        self.documentation = documentation
        self.file = file
        self.isType = isType
    }
}

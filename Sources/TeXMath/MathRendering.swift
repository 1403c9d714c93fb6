/// The result of converting one formula: the `<math>` element, and the `\label` and `\tag` it declared.
public struct MathRendering: Hashable, Sendable {
    /// The complete `<math>...</math>` element, with the TeX kept in an `<annotation>`.
    public let mathML: String
    /// The formula's `\label{...}` key, if any, so the site can anchor references to it.
    public let label: String?
    /// The formula's `\tag{...}` text (without parentheses), if any; it is also shown at the right of the display.
    public let tag: String?

    /// Creates a rendering.
    public init(mathML: String, label: String?, tag: String?) {
        self.mathML = mathML
        self.label = label
        self.tag = tag
    }
}

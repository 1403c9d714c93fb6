/// The result of converting one formula: the `<math>` element, and the `\label` and `\tag` it declared.
public struct MathRendering: Hashable, Sendable {
    /// The complete `<math>...</math>` element, with the TeX kept in an `<annotation>`.
    public let mathML: String
    /// The formula's `\label{...}` key, if any, so the site can anchor references to it.
    public let label: String?
    /// The formula's `\tag{...}` text (without parentheses), if any; it is also shown at the right of the display.
    public let tag: String?

    /// The formula as readable text (no TeX commands): its `alttext`, and what the site's search indexes.
    public let text: String

    /// Creates a rendering.
    public init(mathML: String, label: String?, tag: String?, text: String = "") {
        self.mathML = mathML
        self.text = text
        self.label = label
        self.tag = tag
    }
}

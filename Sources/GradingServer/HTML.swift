import LessonModel

/// A fragment of HTML. Every `String` interpolated into it is escaped (`&`, `<`, `>`, `"`, `'`), so text from a
/// submission or a grader (names, code, outputs, comments, rubric items) can only ever be text; markup is added by
/// interpolating another `HTML` value or, for the highlighter's and the histogram's own output, `trusted:`.
public struct HTML: ExpressibleByStringInterpolation, Sendable, Equatable {
    /// The markup.
    public private(set) var text: String

    /// A literal fragment (written in this module, so trusted).
    public init(stringLiteral value: String) { text = value }

    /// A fragment with escaped interpolations.
    public init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }

    /// Builds the fragment: literals as they are, strings escaped.
    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + 16 * interpolationCount) }
        public mutating func appendLiteral(_ literal: String) { text += literal }
        /// Text: escaped.
        public mutating func appendInterpolation(_ value: String) { text += HTMLText.escape(value) }
        /// A number.
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }
        /// Points as the gradebook prints them (`2`, `1.50`).
        public mutating func appendInterpolation(points value: Double) { text += PointsText.format(value) }
        /// Markup built elsewhere in this module.
        public mutating func appendInterpolation(_ value: HTML) { text += value.text }
        /// Markup fragments, one after another.
        public mutating func appendInterpolation(_ values: [HTML]) { for value in values { text += value.text } }
        /// Markup from a producer that escapes its own text (the site's Swift highlighter).
        public mutating func appendInterpolation(trusted markup: String) { text += markup }
    }
}

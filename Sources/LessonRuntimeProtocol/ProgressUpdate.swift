/// How far a long piece of work in a running cell has come (a ``ControlEvent/progress(cell:_:)`` event): what a
/// terminal's status line shows while the cell runs. Nothing of it reaches the lesson's stored outputs.
public struct ProgressUpdate: Equatable, Sendable {
    /// The longest label sent; a longer one is cut.
    public static let maximumLabelLength = 80

    /// Steps done so far, in `0...total`.
    public var completed: Int
    /// Steps in all (at least 1).
    public var total: Int
    /// What the work is ("training PixelCNN"), one line of printable text.
    public var label: String
    /// What a step is ("epochs"), or empty.
    public var unit: String

    /// An update; `completed` is clamped to `0...total`, `total` to at least 1, and the label and unit become one
    /// line of printable text at most ``maximumLabelLength`` characters long.
    public init(completed: Int, total: Int, label: String, unit: String = "") {
        self.total = max(1, total)
        self.completed = min(max(0, completed), self.total)
        self.label = Self.printable(label)
        let unitWord = Self.printable(unit).unicodeScalars.split(separator: " ").first.map { String(String.UnicodeScalarView($0)) } ?? ""
        self.unit = unitWord == "-" ? "" : unitWord
    }

    /// `text` with control and format characters and line or paragraph separators made spaces (nothing a terminal
    /// would act on), runs of spaces made one, and cut to the longest label. It works on Unicode scalars, so that
    /// the result splits on its spaces the same way on the wire (a combining mark after a space does not hide the
    /// space), and making it printable twice changes nothing.
    static func printable(_ text: String) -> String {
        let blanked: Set<Unicode.GeneralCategory> = [.control, .format, .lineSeparator, .paragraphSeparator]
        let scalars = text.unicodeScalars.map { blanked.contains($0.properties.generalCategory) ? " " : $0 }
        let words = scalars.split(separator: " ").map { String(String.UnicodeScalarView($0)) }
        var cut = Array(words.joined(separator: " ").unicodeScalars.prefix(maximumLabelLength))
        while cut.last == " " { cut.removeLast() }
        return String(String.UnicodeScalarView(cut))
    }
}

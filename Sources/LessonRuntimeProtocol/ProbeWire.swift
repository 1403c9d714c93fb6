/// The lines a submission program sends the grader on its control pipe, next to ``ControlEvent``s.
///
/// - `value N JSON`: probe `N` (an expression of a test cell that calls the student's code) evaluated to the
///   JSON-encoded value; a probe in a loop sends one line per evaluation, in order.
/// - `cell N STATUS DETAIL`: the isolated test cell `N` ended (`ok`, `signal`, `exit`, `timeout`), with the
///   tail of what it printed, JSON-encoded as a string.
///
/// Nothing a submission sends is trusted: values are only data that the checker judges, statuses only explain a
/// missing value in the student's feedback.
public enum ProbeWire {
    /// The prefix of a value line.
    public static let valuePrefix = "value "
    /// The words a checker's message ends with when the submission sent no value for a probe; the grader
    /// replaces them with what the submission's run reported (a trap, a timeout).
    public static let missingValueNote = "the submission's code did not produce it"
    /// The prefix of a test cell's status line.
    public static let cellPrefix = "cell "

    /// Splits a value line into its probe and its JSON text; nil for anything else.
    public static func parseValue(_ line: Substring) -> (probe: Int, json: Substring)? {
        guard line.hasPrefix(valuePrefix) else { return nil }
        let rest = line.dropFirst(valuePrefix.count)
        guard let space = rest.firstIndex(of: " "), let probe = Int(rest[..<space]), probe >= 0 else { return nil }
        return (probe, rest[rest.index(after: space)...])
    }

    /// Splits a cell status line into cell, status and detail (still JSON-encoded); nil for anything else.
    public static func parseCell(_ line: Substring) -> (cell: Int, status: Substring, detail: Substring)? {
        guard line.hasPrefix(cellPrefix) else { return nil }
        let parts = line.dropFirst(cellPrefix.count).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let cell = Int(parts[0]) else { return nil }
        return (cell, parts[1], parts[2])
    }
}

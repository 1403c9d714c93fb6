/// A cell's printed text as a terminal shows it, in a form a Markdown file can hold and give back unchanged.
///
/// As Jupyter renders streams: `\r\n` is a line break; a lone `\r` returns to the start of the line and what
/// follows overwrites what was there, so each line shows its last state (`"\rtraining 10%\rtraining 100%"` is
/// `"training 100%"`; `"abcdef\rXY"` is `"XYcdef"`). Every other C0 control and DEL is shown as its Unicode
/// control picture (NUL is `␀` U+2400, ESC is `␛` U+241B, DEL is `␡` U+2421); tab and line feed stay. Invalid
/// UTF-8 was already replaced by U+FFFD when the output was decoded. The result holds no carriage return and no
/// byte that cmark changes (NUL), so the writer's lines are the parser's lines.
public enum TerminalText {
    /// `text` as a terminal shows it (see the type's documentation).
    public static func shown(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        var result = String.UnicodeScalarView()
        var line: [Unicode.Scalar] = []
        var column = 0
        func endLine() {
            result.append(contentsOf: line.map(visible))
            line.removeAll(keepingCapacity: true)
            column = 0
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                endLine()
                result.append("\n")
            case "\r":
                column = 0
            default:
                if column < line.count { line[column] = scalar } else { line.append(scalar) }
                column += 1
            }
        }
        endLine()
        return String(result)
    }

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
    }

    /// The scalar itself, or the control picture of a C0 control or DEL.
    private static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: return scalar
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value) ?? scalar
        case 0x7F: return "\u{2421}"
        default: return scalar
        }
    }
}

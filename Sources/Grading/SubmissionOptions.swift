public import LessonModel
import LessonParsing

/// Reads a submission whose cell options the student may have edited.
///
/// The instructor's options rule every cell when grading (``SubmissionAssembler``), so an option line of the
/// submission that does not parse (`//| timeout: 99999`, `//| foo: bar`, a duplicate) must not cost the whole
/// file: such a line is taken out, the submission is read again, and the change is reported as tampering. Any
/// other problem (not UTF-8, an unterminated cell) still makes the submission unreadable.
public enum SubmissionOptions {
    /// The submission `bytes` parsed as ``LessonParser`` does, after taking out option lines that do not parse.
    /// - Returns: the lesson (nil when it cannot be read even so), the parser's diagnostics, and one tampering
    ///   report per option line taken out (with the submission's file:line).
    public static func parse(_ bytes: [UInt8], displayPath: String) -> (Lesson?, [Diagnostic], ignored: [String]) {
        let (lesson, diagnostics) = LessonParser.parse(bytes, displayPath: displayPath)
        let errors = diagnostics.filter { $0.severity == .error }
        guard lesson == nil, !errors.isEmpty, errors.allSatisfy({ $0.identifier.hasPrefix("cell-option.") }) else {
            return (lesson, diagnostics, [])
        }
        let lines = Set(errors.map(\.location.line))
        let (repairedLesson, _) = LessonParser.parse(removingOptionLines(lines, from: bytes), displayPath: displayPath)
        guard let repairedLesson else { return (nil, diagnostics, []) }
        let ignored = errors.map { error in
            "\(error.location): a cell option was ignored (\(error.message)); the instructor's options were used"
        }
        return (repairedLesson, diagnostics, ignored)
    }

    /// `bytes` with option lines `lines` (1-based) taken out. Each cell keeps its length in lines: after the last
    /// option line of its cell comes one plain comment line (`//`, indented as the line was) per line taken out, so
    /// that every later line keeps its number.
    static func removingOptionLines(_ lines: Set<Int>, from bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pending: [[UInt8]] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            var next = end
            if next < bytes.count, bytes[next] == 0x0D { next += 1 }
            if next < bytes.count, bytes[next] == 0x0A, next == end || bytes[next - 1] == 0x0D { next += 1 }
            let line = Array(bytes[start..<end]), terminator = Array(bytes[end..<next])
            let marker = optionMarker(in: line)
            if lines.contains(lineNumber), let marker {
                pending.append(Array(line[..<marker]) + Array("//".utf8) + (terminator.isEmpty ? [0x0A] : terminator))
            } else {
                if marker == nil {
                    output += pending.joined()
                    pending = []
                }
                output += line + terminator
            }
            start = next
        }
        output += pending.joined()
        return output
    }

    /// Where `//|` starts in `line` when it is an option line (after blanks), else nil.
    private static func optionMarker(in line: [UInt8]) -> Int? {
        var index = 0
        while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        return line[index...].starts(with: Array("//|".utf8)) ? index : nil
    }
}

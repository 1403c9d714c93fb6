import Foundation
public import LessonModel

/// Turns a location in the instructor's lesson into the same line of the student's own file, so that feedback
/// names lines the student can find (their copy has no solutions and no hidden tests, so its lines differ).
public struct StudentLines: Sendable {
    let instructor: Lesson
    let student: Lesson
    /// The file name the student knows (`04-elbo.md`).
    let fileName: String

    public init(instructor: Lesson, student: Lesson) {
        self.instructor = instructor
        self.student = student
        fileName = String(instructor.displayPath.split(separator: "/").last ?? Substring(instructor.displayPath))
    }

    /// `04-elbo.md:42` for a location in the instructor's lesson, found by the line's text in the student's cell
    /// of the same id; nil when the line is not in the student's file.
    public func location(_ location: SourceLocation) -> String? {
        guard let cell = instructor.cells.first(where: { $0.firstSourceLine <= location.line && location.line < $0.closingFenceLine }),
            let own = student.cells.first(where: { $0.id == cell.id })
        else { return nil }
        let text = Self.line(location.line, of: instructor.source).trimmingCharacters(in: " \t\r")
        guard !text.isEmpty else { return nil }
        let offset = location.line - cell.firstSourceLine
        let candidates = (own.firstSourceLine..<own.closingFenceLine).filter {
            Self.line($0, of: student.source).trimmingCharacters(in: " \t\r") == text
        }
        guard let best = candidates.min(by: { abs($0 - own.firstSourceLine - offset) < abs($1 - own.firstSourceLine - offset) })
        else { return nil }
        return "\(fileName):\(best)"
    }

    /// `text` with every `path:line[:column]` of the instructor's lesson in it replaced by the student's line (or
    /// by the file name alone).
    public func rewrite(_ text: String) -> String {
        let path = instructor.displayPath
        guard text.contains(path) else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: path + ":") {
            result += rest[..<range.lowerBound]
            var after = rest[range.upperBound...]
            let digits = after.prefix { $0.isNumber }
            after = after.dropFirst(digits.count)
            if after.first == ":" {
                let column = after.dropFirst().prefix { $0.isNumber }
                if !column.isEmpty { after = after.dropFirst(1 + column.count) }
            }
            if let line = Int(digits), let mapped = location(SourceLocation(file: path, line: line, column: 1)) {
                result += mapped
            } else {
                result += fileName
            }
            rest = after
        }
        return result + rest.replacingOccurrences(of: path, with: fileName)
    }

    private static func line(_ number: Int, of source: SourceText) -> String {
        guard number >= 1, number <= source.lineCount else { return "" }
        let start = source.startOffset(ofLine: number)
        let end = number < source.lineCount ? source.startOffset(ofLine: number + 1) : source.bytes.count
        return String(decoding: source.bytes[start..<end], as: UTF8.self).replacingOccurrences(of: "\n", with: "")
    }
}

extension String {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) { result.removeFirst() }
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return String(result)
    }
}

import Foundation

/// The Swift runtime's crash report at the end of a cell's standard error: the text before it stays as the
/// cell's error output, and the first frame in the lesson file gives the line that crashed.
struct CrashReport {
    /// Standard error without the backtrace.
    var standardError: String
    /// The lesson line and column of the innermost frame in the lesson, if any.
    var line: Int?
    var column: Int?
    /// The function the crash happened in (for a hint), e.g. `Array.subscript.getter`.
    var function: String?

    /// Splits `standardError` at the backtracer's banner.
    /// - Parameters:
    ///   - lessonFile: the lesson's display path (frames under full debug info name it).
    ///   - programFile: the generated program's path: with line tables only, frames name it with the lesson's
    ///     line numbers; `isLessonLine` says which of those lines are inside cells.
    init(
        standardError text: String, lessonFile: String, programFile: String = "",
        isLessonLine: (Int) -> Bool = { _ in false }
    ) {
        // `fatalError`, `precondition` and `assert` print `file:line: Fatal error: message` themselves.
        for messageLine in text.split(separator: "\n") where messageLine.hasPrefix(lessonFile + ":") {
            let rest = messageLine.dropFirst(lessonFile.count + 1)
            let number = rest.prefix { $0.isNumber }
            let after = rest.dropFirst(number.count)
            if let value = Int(number),
                after.hasPrefix(": Fatal error") || after.hasPrefix(": Precondition failed")
                    || after.hasPrefix(": Assertion failed")
            {
                line = value
                column = 1
                break
            }
        }
        guard let banner = text.range(of: "\n*** Signal") ?? text.range(of: "*** Signal")
            ?? text.range(of: "\n💣 Program crashed") ?? text.range(of: "*** Program crashed")
        else {
            standardError = text
            return
        }
        standardError = String(text[..<banner.lowerBound])
        let report = text[banner.lowerBound...]
        var firstFunction: String?
        for rawLine in report.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard let atRange = line.range(of: " at ", options: .backwards) else { continue }
            if firstFunction == nil, let inRange = line.range(of: " in ", options: .backwards) {
                let head = line[..<inRange.lowerBound]
                if let address = head.range(of: "0x") {
                    let afterAddress = head[address.lowerBound...].drop { !$0.isWhitespace }
                    firstFunction = afterAddress.trimmingCharacters(in: .whitespaces)
                        .components(separatedBy: " + ").first
                }
            }
            let location = line[atRange.upperBound...]
            guard self.line == nil else { continue }
            let file = location.hasPrefix(lessonFile + ":") ? lessonFile
                : (!programFile.isEmpty && location.hasPrefix(programFile + ":")) ? programFile : nil
            guard let file else { continue }
            let numbers = location.dropFirst(file.count + 1).split(separator: ":")
            guard let number = numbers.first.flatMap({ Int($0) }), file == lessonFile || isLessonLine(number)
            else { continue }
            self.line = number
            self.column = numbers.dropFirst().first.flatMap { Int($0) }
            break
        }
        function = firstFunction
    }
}

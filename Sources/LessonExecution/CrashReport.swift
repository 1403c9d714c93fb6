import Foundation

/// The Swift runtime's crash report at the end of a cell's standard error: the text before it stays as the
/// cell's error output, and the first frame in the lesson file gives the line that crashed.
///
/// The trap's own message (`file:line: Fatal error: …`, `Precondition failed: …`, `Assertion failed: …`) is taken
/// out of standard error into ``trapMessage`` (the runner shows it with the location), and so are the runtime's
/// notes about the backtrace ("swift-runtime: failed to suspend thread …"), which vary from run to run.
struct CrashReport {
    /// The kinds of message the standard library prints for a trap, after `file:line: `.
    static let trapKinds = ["Fatal error", "Precondition failed", "Assertion failed"]

    /// Standard error without the backtrace, the trap message and the runtime's notes.
    var standardError: String
    /// The trap's message as the runtime printed it after `file:line: `, e.g. `Fatal error: Index out of range`.
    var trapMessage: String?
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
        let banner = text.range(of: "\n*** Signal") ?? text.range(of: "*** Signal")
            ?? text.range(of: "\n💣 Program crashed") ?? text.range(of: "*** Program crashed")
        (standardError, trapMessage) = Self.splitTrapMessage(String(text[..<(banner?.lowerBound ?? text.endIndex)]))
        guard let banner else { return }
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
            // A trap message gave the line: a frame on that line gives the column.
            if let messageLine = self.line {
                guard location.hasPrefix(lessonFile + ":") || location.hasPrefix(programFile + ":") else { continue }
                let file = location.hasPrefix(lessonFile + ":") ? lessonFile : programFile
                let numbers = location.dropFirst(file.count + 1).split(separator: ":")
                guard numbers.first.flatMap({ Int($0) }) == messageLine else { continue }
                self.column = numbers.dropFirst().first.flatMap { Int($0) } ?? 1
                break
            }
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

    /// `text` (standard error before the backtrace) without the runtime's notes and the last trap message, which
    /// runs from its `file:line: Fatal error` line to the end (a message may span lines).
    static func splitTrapMessage(_ text: String) -> (standardError: String, message: String?) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The runtime's notes come last, just before the backtrace.
        while let last = lines.last, last.hasPrefix("swift-runtime: ") || (last.isEmpty && lines.count > 1) {
            lines.removeLast()
        }
        guard let start = lines.lastIndex(where: { trapKind(in: $0) != nil }) else {
            let hadNotes = text.contains("swift-runtime: ")
            let kept = lines.joined(separator: "\n")
            return (hadNotes ? (kept.isEmpty ? "" : kept + "\n") : text, nil)
        }
        let first = lines[start]
        let kind = trapKind(in: first)!
        var message = String(first[kind...])
        let rest = lines[(start + 1)...].filter { !$0.hasPrefix("swift-runtime: ") }
        if !rest.isEmpty { message += "\n" + rest.joined(separator: "\n") }
        let before = lines[..<start].joined(separator: "\n")
        return (before.isEmpty ? "" : before + "\n", message.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Where the trap kind starts in a line `file:line: Fatal error…`, or nil for any other line.
    private static func trapKind(in line: String) -> String.Index? {
        for kind in trapKinds {
            guard let range = line.range(of: ": \(kind)"), range.upperBound == line.endIndex
                || line[range.upperBound...].hasPrefix(": ")
            else { continue }
            let location = line[..<range.lowerBound]
            guard let colon = location.lastIndex(of: ":"), !location[location.index(after: colon)...].isEmpty,
                location[location.index(after: colon)...].allSatisfy(\.isNumber)
            else { continue }
            return line.index(range.lowerBound, offsetBy: 2)
        }
        return nil
    }
}

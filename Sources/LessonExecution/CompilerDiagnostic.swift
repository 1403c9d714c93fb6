/// One error from the Swift compiler, with the source excerpt it printed, mapped to a lesson line.
struct CompilerDiagnostic: Equatable {
    /// The file as the compiler named it (the lesson's display path, through `#sourceLocation`).
    var file: String
    var line: Int
    var column: Int
    /// The message of the error line, without location and severity.
    var message: String {
        let header = text.prefix { $0 != "\n" }
        return header.firstRange(of: ": error: ").map { String(header[$0.upperBound...]) } ?? String(header)
    }
    /// The error line and the lines after it (notes, excerpt, caret), as printed.
    var text: String

    /// The diagnostic with the program lines of `file` (in its location and its text) turned into lesson lines.
    func mappingLines(_ map: ProgramLineMap, file lessonFile: String) -> CompilerDiagnostic {
        var mapped = self
        if file == lessonFile { mapped.line = map.lessonLineOrSame(line) }
        mapped.text = map.rewritingLines(in: text, files: [lessonFile])
        return mapped
    }

    /// Splits `swiftc -diagnostic-style=llvm` output into errors; notes and excerpts stay with their error.
    static func errors(in output: String) -> [CompilerDiagnostic] {
        var result: [CompilerDiagnostic] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let parsed = parseHeader(line) {
                if parsed.severity == "error" {
                    result.append(CompilerDiagnostic(
                        file: parsed.file, line: parsed.line, column: parsed.column, text: String(line)))
                    continue
                }
                if parsed.severity == "warning" { continue }
            }
            guard !result.isEmpty, !line.isEmpty else { continue }
            result[result.count - 1].text += "\n" + line
        }
        return result
    }

    private static func parseHeader(_ line: Substring) -> (file: String, line: Int, column: Int, severity: Substring)? {
        for severity in ["error", "warning", "note"] {
            guard let marker = line.firstRange(of: ": \(severity): ") else { continue }
            let location = line[..<marker.lowerBound].split(separator: ":")
            guard location.count >= 3, let lineNumber = Int(location[location.count - 2]),
                let column = Int(location[location.count - 1])
            else { continue }
            let file = location.dropLast(2).joined(separator: ":")
            return (file, lineNumber, column, Substring(severity))
        }
        return nil
    }
}

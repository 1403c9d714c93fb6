import LessonModel
import LessonParsing

/// Parses `text` as `Lessons/t.md`.
func parse(_ text: String) -> (Lesson?, [Diagnostic]) {
    LessonParser.parse(Array(text.utf8), displayPath: "Lessons/t.md")
}

/// The diagnostics of `text` as `line:column: severity: message` strings (file omitted).
func diagnostics(_ text: String) -> [String] {
    parse(text).1.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
}

let header = "---\ntitle: T\n---\n"

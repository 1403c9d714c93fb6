import Foundation
import Testing
@testable import TeXMath

/// The package root, three levels above this file (Tests/TeXMathTests/LessonsMathTests.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `macros:` mapping of a lesson's YAML front matter: lines `  NAME: "BODY"` (double-quoted with `\\`
/// escapes, single-quoted, or plain) under a top-level `macros:` key.
func frontMatterMacros(_ markdown: String) throws -> [String: TeXMacro] {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingSuffix("\r")) }
    guard lines.first == "---" else { return [:] }
    var entries: [String: String] = [:]
    var inMacros = false
    for line in lines.dropFirst() {
        if line == "---" || line == "..." { break }
        if !line.hasPrefix(" ") { inMacros = line.hasPrefix("macros:"); continue }
        guard inMacros, let colon = line.firstIndex(of: ":") else { continue }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
            value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\\", with: "\u{0}")
                .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\u{0}", with: "\\")
        } else if value.hasPrefix("'"), value.hasSuffix("'"), value.count >= 2 {
            value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        entries[name] = value
    }
    return try TeXMacro.macros(fromFrontMatter: entries)
}

extension Substring {
    func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast(suffix.count) : self }
}

@Test func frontMatterMacrosAreRead() throws {
    let markdown = "---\ntitle: x\nmacros:\n  KL: \"\\\\mathrm{KL}(#1 \\\\| #2)\"\n  E: '\\mathbb{E}'\nseed: 1\n---\n"
    let macros = try frontMatterMacros(markdown)
    #expect(macros["KL"] == TeXMacro(parameterCount: 2, body: #"\mathrm{KL}(#1 \| #2)"#))
    #expect(macros["E"] == TeXMacro(parameterCount: 0, body: #"\mathbb{E}"#))
}

@Test func everyMathSpanInTheLessonsConverts() throws {
    let lessons = packageRoot.appendingPathComponent("Lessons")
    let files = try FileManager.default.contentsOfDirectory(atPath: lessons.path).filter { $0.hasSuffix(".md") }.sorted()
    #expect(!files.isEmpty)
    var total = 0
    for file in files {
        let markdown = try String(contentsOf: lessons.appendingPathComponent(file), encoding: .utf8)
        let spans = try MathSpanScanner.spans(in: markdown)
        // As the site does: labelled display equations are numbered in order, so \eqref can cite them.
        var labels: [String: String] = [:]
        for span in spans where span.display {
            if let start = span.tex.range(of: "\\label{"), let end = span.tex[start.upperBound...].firstIndex(of: "}") {
                labels[String(span.tex[start.upperBound..<end])] = String(labels.count + 1)
            }
        }
        let converter = MathMLConverter(macros: try frontMatterMacros(markdown), labels: labels)
        for span in spans {
            do {
                _ = try converter.convert(span.tex, display: span.display)
                total += 1
            } catch {
                let location = span.location(of: error)
                Issue.record("Lessons/\(file):\(location.line):\(location.column): \(error.message)")
            }
        }
    }
    #expect(total > 100)
}

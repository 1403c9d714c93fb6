import Foundation
import Testing

/// Issue 16, item 13: every figure of the course has a caption of its own. The runner writes each figure's
/// caption as its image's alternative text (the `show(figure, caption:)` one, else the cell's `caption` option,
/// else the placeholder `Figure N of cell <id>`), so the lessons' image lines say whether each has one.
@Suite struct FigureCaptionTests {
    /// The alternative texts of the lesson's figures, in order.
    static func captions(in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: #"^!\[(.*)\]\(figures/[^)]*\.svg\)$"#, options: .anchorsMatchLines)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test(arguments: CourseLesson.all)
    func everyFigureHasItsOwnCaption(_ name: String) throws {
        let captions = Self.captions(in: try CourseLesson(name).text)
        let placeholders = captions.filter { $0.range(of: #"^Figure [0-9]+ of cell "#, options: .regularExpression) != nil }
        #expect(placeholders.isEmpty, "\(name): figures without a caption: \(placeholders)")
        let repeated = Dictionary(grouping: captions, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "\(name): figures sharing one caption: \(repeated)")
    }
}

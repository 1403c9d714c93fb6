import Testing
import TestSupport

@testable import LessonModel
@testable import LessonParsing

/// The memo of front matters gives, byte for byte, what reading the YAML gives: over generated front matters (titles
/// in both Unicode normal forms, unknown keys, broken YAML, macros), in two files, also after it forgot everything
/// at its limit.
@Suite struct FrontMatterMemoTests {
    static let titles = ["Caf\u{e9}", "Cafe\u{301}", "ELBO", "\u{212B}ngstr\u{f6}m", "\u{c5}ngstr\u{f6}m", "'quoted: yes'"]
    static let extras = ["order: 3", "seed: 7", "colour: blue", "macros:\n  KL: '\\\\mathrm{KL}'", "title: [broken", "timeout: -1",
                         "authors: [Ada, Alan]", ""]

    /// The bytes of everything `result` holds (String's `==` would call normal forms equal).
    func bytes(_ result: (FrontMatter?, [Diagnostic])) -> [UInt8] { Array(String(reflecting: result).utf8) }

    @Test func theMemoGivesWhatReadingGives() {
        let memo = FrontMatterMemo(limit: 300)
        for seed in UInt64(1)...300 {
            var random = TestRandom(seed: seed)
            let lines = ["title: \(random.pick(Self.titles))"] + (0..<Int(random.next() % 3)).map { _ in random.pick(Self.extras) }
            let yaml = lines.joined(separator: "\n") + "\n"
            let file = random.pick(["Lessons/01-a.md", "Lessons/02-b.md"])
            let closingLine = yaml.split(separator: "\n", omittingEmptySubsequences: false).count + 1
            let read = FrontMatterParser.parse(yaml: yaml, closingLine: closingLine, file: file)
            let key = FrontMatterMemo.Key(file: ExactText(file), yaml: ExactText(yaml), closingLine: closingLine)
            #expect(bytes(memo.result(key) { FrontMatterParser.parse(yaml: yaml, closingLine: closingLine, file: file) }) == bytes(read),
                "seed \(seed)")
            #expect(bytes(memo.result(key) { (nil, []) }) == bytes(read), "remembered, seed \(seed)")
            let source = SourceText("---\n" + yaml + "---\n\n# Body\n")
            #expect(bytes(FrontMatterParser.parse(source, file: file)) == bytes(read), "through the shared memo, seed \(seed)")
        }
    }
}

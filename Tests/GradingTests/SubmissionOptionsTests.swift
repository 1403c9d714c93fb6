import Grading
import LessonModel
import Testing

/// A submission's broken option lines are taken out (the instructor's options rule when grading) and reported;
/// every other line keeps its number, and any other problem still makes the submission unreadable.
@Suite struct SubmissionOptionsTests {
    let submission = """
        ---
        title: T
        ---

        ```{swift}
        //| exercise: e
        //| timeout: 99999
        //| foo: bar
        func f() -> Int {
            return 1
        }
        ```

        ```{swift}
        //| exercise: g
        //| timeout: -1
        func g() -> Int { 2 }
        ```

        """

    @Test func brokenOptionLinesAreTakenOutAndReported() throws {
        let (lesson, diagnostics, ignored) = SubmissionOptions.parse(Array(submission.utf8), displayPath: "s/t.md")
        let parsed = try #require(lesson, "\(diagnostics)")
        #expect(parsed.cells.map(\.options.exercise) == ["e", "g"])
        #expect(ignored.count == 3, "\(ignored)")
        #expect(ignored.first?.hasPrefix("s/t.md:7:") == true, "\(ignored)")
        #expect(parsed.cells.allSatisfy { $0.options.timeout == nil }, "the broken options are gone")
        // Lines keep their numbers: `func f` is still line 9, `func g` line 17.
        let lines = String(decoding: parsed.source.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[8].hasPrefix("func f()") && lines[16].hasPrefix("func g()"), "\(lines)")
    }

    @Test func otherProblemsStillMakeItUnreadable() {
        let broken = Array(submission.utf8) + [0x2F, 0x2F, 0xFF, 0x0A]  // not UTF-8
        let (lesson, diagnostics, ignored) = SubmissionOptions.parse(broken, displayPath: "s/t.md")
        #expect(lesson == nil && ignored.isEmpty && !diagnostics.isEmpty)
    }
}

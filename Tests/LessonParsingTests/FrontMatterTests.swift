import LessonModel
import Testing

@Suite struct FrontMatterTests {
    @Test func readsTheOutlineFields() throws {
        let (lesson, problems) = parse("---\ntitle: The ELBO\npart: Approximate inference\nchapter: VI\norder: 4\nseed: 7\ntimeout: 30\n---\n\nText\n")
        #expect(problems.isEmpty)
        let frontMatter = try #require(lesson?.frontMatter)
        #expect(frontMatter.title == "The ELBO")
        #expect(frontMatter.part == "Approximate inference")
        #expect(frontMatter.chapter == "VI")
        #expect(frontMatter.order == 4)
        #expect(frontMatter.seed == 7)
        #expect(frontMatter.timeout == 30)
        #expect(frontMatter.lines == LineRange(1, 8))
    }

    @Test(arguments: [
        ("Just text\n", "1:1: error: a lesson must start with YAML front matter: a line '---', then at least 'title: ...', then '---'"),
        ("---\ntitle: T\n", "1:1: error: front matter opened here is never closed with '---'"),
        ("---\npart: P\n---\n", "1:1: error: front matter has no 'title'"),
        ("---\ntitle: T\norder: first\n---\n", "3:8: error: front matter 'order' must be an integer"),
        ("---\ntitle: T\nseed: -1\n---\n", "3:7: error: front matter 'seed' must be a non-negative integer"),
        ("---\ntitle: T\ntimeout: 0\n---\n", "3:10: error: front matter 'timeout' must be a number of seconds greater than 0 and at most 86400 (24 hours)"),
        ("---\ntitle: T\ntimeout: 1e308\n---\n", "3:10: error: front matter 'timeout' must be a number of seconds greater than 0 and at most 86400 (24 hours)"),
        ("---\ntitle: [a\n---\n", "3:1: error: invalid YAML in front matter: while parsing a flow sequence: did not find expected ',' or ']'"),
    ])
    func reportsProblemsWithTheirLocation(text: String, expected: String) {
        #expect(diagnostics(text).contains(expected), "got \(diagnostics(text))")
    }

    @Test func unknownKeysAreWarningsNotErrors() {
        let (lesson, problems) = parse("---\ntitle: T\ncolour: blue\n---\n")
        #expect(lesson != nil)
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.location.line == 3)
    }
}

import Foundation
import LessonModel
import LessonParsing
import Testing

@Suite struct CourseSettingsTests {
    /// Every problem of `text` as `line:column: severity: message`.
    func problems(_ text: String) -> [String] {
        CourseSettingsParser.parse(text).1.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
    }

    @Test func readsEveryField() throws {
        let text = """
            title: Bayesian Methods
            authors: [Ada Lovelace, Alan Turing]
            language: de-CH
            url: https://example.org/bayes/
            description: A short course.
            outline:
              - part: Basics
                lessons: [01-intro, 02-priors.md]
              - part: More
                lessons:
                  - Lessons/03-mcmc
            """
        let (parsed, diagnostics) = CourseSettingsParser.parse(text)
        #expect(diagnostics.isEmpty)
        let settings = try #require(parsed)
        #expect(settings.title == "Bayesian Methods")
        #expect(settings.authors == ["Ada Lovelace", "Alan Turing"])
        #expect(settings.language == "de-CH")
        #expect(settings.siteURL == "https://example.org/bayes/")
        #expect(settings.description == "A short course.")
        let outline = try #require(settings.outline)
        #expect(outline.map(\.title) == ["Basics", "More"])
        #expect(outline.map { $0.lessons.map(\.name) } == [["01-intro", "02-priors"], ["03-mcmc"]])
        #expect(outline[1].lessons[0].location == SourceLocation(file: "lessons.yml", line: 11, column: 9))
        #expect(settings.outlinePlace(of: "03-mcmc")?.position == 2)
        #expect(settings.outlinePlace(of: "03-mcmc")?.part == "More")
    }

    @Test func onlyTheTitleIsRequired() throws {
        let (parsed, diagnostics) = CourseSettingsParser.parse("title: A course\n")
        #expect(diagnostics.isEmpty)
        let settings = try #require(parsed)
        #expect(settings == CourseSettings(title: "A course"))
        #expect(settings.language == "en")
        #expect(settings.outline == nil)
    }

    @Test func aSingleAuthorAndLessonsWithoutParts() throws {
        let settings = try #require(CourseSettingsParser.parse("title: T\nauthors: Ada\noutline: [b, a]\nreference: false\n").0)
        #expect(!settings.includesReference)
        #expect(settings.authors == ["Ada"])
        #expect(settings.outline?.count == 1)
        #expect(settings.outline?.first?.title == nil)
        #expect(settings.outline?.first?.lessons.map(\.name) == ["b", "a"])
    }

    @Test(arguments: [
        ("", "1:1: error: lessons.yml is empty: it needs at least 'title: Your course title'"),
        ("authors: [A]\n", "1:1: error: lessons.yml has no 'title' (the course title shown on every page)"),
        ("title: \"  \"\n", "1:8: error: 'title' must not be empty"),
        ("- title\n", "1:1: error: lessons.yml must be a YAML mapping of keys to values (title: ..., authors: ...)"),
        ("title: [a\n", "2:1: error: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'"),
        ("title: T\ntitle: U\n", "2:1: error: 'title' is given twice"),
        ("title: T\noutline:\n  - part: A\n    lessons: [a]\n    part: B\n  - part: C\n    lessons: [c]\n", "5:5: error: 'part' is given twice"),
        ("title: {a: b}\n", "1:8: error: 'title' must be text, not a list or a mapping"),
        ("title: T\nauthors: {a: b}\n", "2:10: error: 'authors' must be a name or a list of names"),
        ("title: T\nlanguage: english!\n", "2:11: error: 'language' must be a language tag such as en, de or pt-BR (got 'english!')"),
        ("title: T\nurl: example.org\n", "2:6: error: 'url' must be the address the site is published at, starting with https:// or http:// (got 'example.org')"),
        ("title: T\noutline: 3\n", "2:10: error: 'outline' must be a list of parts (- part: ..., lessons: [...]) or of lesson names"),
        ("title: T\noutline:\n  - part: P\n", "3:5: error: this outline part has no 'lessons' list"),
        ("title: T\noutline:\n  - lessons: [a]\n", "3:5: error: this outline part has no 'part' heading"),
        ("title: T\noutline:\n  - part: P\n    lessons: [a]\n    chapter: C\n", "5:5: error: unknown key 'chapter' in an outline part (a part has 'part' and 'lessons')"),
        ("title: T\noutline:\n  - part: P\n    lessons: [a, b, a]\n", "4:21: error: lesson 'a' is listed twice in 'outline'"),
        ("title: T\noutline:\n  - part: P\n    lessons: [../x]\n", "4:15: error: '../x' is not a lesson of Lessons/: name the file, e.g. 01-intro"),
        ("title: T\ncolour: blue\n", "2:1: warning: unknown key 'colour' (known keys: title, authors, language, url, description, outline, reference)"),
        ("title: T\nreference: maybe\n", "2:12: error: 'reference' must be true or false (whether the site has the LessonKit reference pages)"),
    ])
    func reportsEachProblemAtItsLine(text: String, expected: String) {
        #expect(problems(text).contains(expected), "got \(problems(text))")
    }

    @Test func anErrorMeansNoSettingsButAWarningKeepsThem() {
        #expect(CourseSettingsParser.parse("title: T\nurl: nope\n").0 == nil)
        #expect(CourseSettingsParser.parse("title: T\nextra: 1\n").0?.title == "T")
    }

    @Test func theOutlineIsCheckedAgainstTheLessonsThatExist() throws {
        let settings = try #require(CourseSettingsParser.parse("title: T\noutline:\n  - part: P\n    lessons: [a, gone]\n").0)
        let problems = settings.outlineProblems(lessons: ["a", "extra"])
        #expect(problems.map(\.description) == [
            "lessons.yml:4:18: error: the outline lists 'gone', but there is no Lessons/gone.md (lessons: a, extra)",
            "Lessons/extra.md:1:1: warning: this lesson is not in the outline of lessons.yml; it comes after the listed ones",
        ])
        #expect(CourseSettings(title: "T").outlineProblems(lessons: ["a"]).isEmpty)
    }

    @Test func thisRepositorysSettingsAreValidAndListEveryLesson() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("lessons.yml"), encoding: .utf8)
        let (parsed, diagnostics) = CourseSettingsParser.parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let settings = try #require(parsed)
        #expect(settings.title == "Generative Models and Approximate Inference")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Lessons").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
        #expect(settings.outlineProblems(lessons: names).isEmpty)
    }
}

import Foundation
import Testing
import TestSupport

/// An unknown cross-reference label fails `lessons check` and `lessons build` at its file:line:column (issue 26).
@Suite(.serialized) struct CrossReferenceCommandTests {
    static let lesson = """
        ---
        title: References
        ---

        # References

        $$
        a = b \\label{eq:first}
        $$

        ```{swift}
        //| id: numbers
        print(1)
        ```

        As @eq-first says and @tbl-numbers shows; @fig-numbrs is a typo.
        """

    @Test func anUnknownLabelFailsCheckAndBuildAtItsPlace() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-refs.md", Self.lesson)
        let lessons = LessonsCommandRunner(project: project)
        let check = try lessons.run(["check", "--all"])
        #expect(check.status == 1, "\(check.standardError)")
        #expect(check.standardError.contains("Lessons/01-refs.md:16:43: error: @fig-numbrs refers to no figure"), "\(check.standardError)")
        #expect(!check.standardError.contains("@eq-first") && !check.standardError.contains("@tbl-numbers refers"), "\(check.standardError)")
        let build = try lessons.run(["build", "--out", "out"])
        #expect(build.status == 1, "\(build.standardError)")
        #expect(build.standardError.contains("Lessons/01-refs.md:16:43: error: @fig-numbrs refers to no figure"), "\(build.standardError)")
    }
}

/// An unknown citation key fails `lessons check` and `lessons build` at its file:line:column; known ones build into
/// the lesson's References list (issue 26).
@Suite(.serialized) struct CitationCommandTests {
    static let references = """
        kingma2014vae:
          authors: Kingma, D. P. and Welling, M.
          year: 2014
          title: Auto-encoding variational Bayes
          url: https://arxiv.org/abs/1312.6114
        """

    static let lesson = """
        ---
        title: Citations
        ---

        # Citations

        The VAE [@kingma2014vae] is old; [see @kingma2014vea] is a typo.
        """

    @Test func anUnknownKeyFailsCheckAndBuildAtItsPlace() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-cites.md", Self.lesson)
        try project.write("references.yml", Self.references)
        let lessons = LessonsCommandRunner(project: project)
        let message = "Lessons/01-cites.md:7:39: error: [@kingma2014vea] cites no work: 'kingma2014vea' is not a key of Lessons/references.yml"
        let check = try lessons.run(["check", "--all"])
        #expect(check.status == 1, "\(check.standardError)")
        #expect(check.standardError.contains(message), "\(check.standardError)")
        #expect(!check.standardError.contains("kingma2014vae]"), "\(check.standardError)")
        let build = try lessons.run(["build", "--out", "out"])
        #expect(build.status == 1, "\(build.standardError)")
        #expect(build.standardError.contains(message), "\(build.standardError)")

        try project.write("01-cites.md", Self.lesson.replacingOccurrences(of: "[see @kingma2014vea] is a typo", with: "fine"))
        let fixed = try lessons.run(["build", "--out", "out"])
        #expect(fixed.status == 0, "\(fixed.standardError)")
        let page = try String(contentsOf: project.root.appendingPathComponent("out/01-cites.html"), encoding: .utf8)
        #expect(page.contains("<a class=\"citation\" href=\"#ref-kingma2014vae\">Kingma &amp; Welling, 2014</a>"))
        #expect(page.contains("<li id=\"ref-kingma2014vae\">Kingma, D. P., &amp; Welling, M. (2014). Auto-encoding variational Bayes. "
            + "<a href=\"https://arxiv.org/abs/1312.6114\">"))
    }

    @Test func aBrokenReferencesFileIsReportedAtItsLine() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-cites.md", Self.lesson)
        try project.write("references.yml", "kingma2014vae:\n  year: 2014\n")
        let lessons = LessonsCommandRunner(project: project)
        let build = try lessons.run(["build", "--out", "out"])
        #expect(build.status == 1)
        #expect(build.standardError.contains("Lessons/references.yml:1:1: error: 'kingma2014vae' has no 'authors'")
            || build.standardError.contains("Lessons/references.yml:2:3: error: 'kingma2014vae' has no 'authors'"), "\(build.standardError)")
        #expect(build.standardError.contains("the site was not written"), "\(build.standardError)")
        let check = try lessons.run(["check", "--all"])
        #expect(check.status == 1)
        #expect(check.standardError.contains("Lessons/references.yml:2:3: error: 'kingma2014vae' has no 'authors'"), "\(check.standardError)")
    }
}

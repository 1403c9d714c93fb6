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

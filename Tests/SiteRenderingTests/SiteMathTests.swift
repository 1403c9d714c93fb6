import Foundation
import Testing
import TestSupport
@testable import SiteRendering

/// Math on the site: front-matter macros, and TeX errors reported at their file, line and column.
@Suite struct SiteMathTests {
    func build(_ lesson: String, keepGoing: Bool = false) throws -> (Result<SiteBuilder.Report, SiteError>, URL, TemporaryProject) {
        let project = try TemporaryProject()
        _ = try project.write("10-math.md", lesson)
        var configuration = SiteBuilder.Configuration(
            lessonsDirectory: project.root.appendingPathComponent("Lessons"),
            siteAssetsDirectory: SiteBuildTests.root.appendingPathComponent("Assets/site"),
            outputDirectory: project.root.appendingPathComponent("site"))
        configuration.builtInAssetsDirectory = SiteBuildTests.builtInAssets
        configuration.keepGoing = keepGoing
        let result = Result { () throws(SiteError) in try SiteBuilder(configuration: configuration).build() }
        return (result, configuration.outputDirectory, project)
    }

    @Test func frontMatterMacrosExpandInTheLessonsMath() throws {
        let (result, output, project) = try build("""
            ---
            title: Macros
            macros:
              KL: "\\\\mathrm{KL}(#1 \\\\,\\\\|\\\\, #2)"
            ---

            # Macros

            The divergence $\\KL{q}{p}$ is never negative.
            """)
        defer { project.remove() }
        let report = try result.get()
        #expect(report.diagnostics.isEmpty, "\\(report.diagnostics)")
        let page = try String(contentsOf: output.appendingPathComponent("10-math.html"), encoding: .utf8)
        #expect(page.contains("<mi mathvariant=\"normal\">KL</mi>") || page.contains("<mi>KL</mi>") || page.contains(">KL<"))
        #expect(page.contains("<annotation encoding=\"application/x-tex\">\\KL{q}{p}</annotation>"))
    }

    @Test func aTeXErrorFailsTheBuildAtItsLineAndColumn() throws {
        let lesson = "---\ntitle: Broken\n---\n\n# Broken\n\nFine $x^2$, then $a + \\foo{b}$ here.\n"
        let (result, output, project) = try build(lesson)
        defer { project.remove() }
        guard case .failure(let error) = result else { Issue.record("the build should fail"); return }
        let problem = try #require(error.diagnostics.first)
        #expect(problem.location.file == "Lessons/10-math.md" && problem.location.line == 7)
        #expect(problem.location.column == 23, "the column of \\foo in the Markdown line, got \\(problem.location.column)")
        #expect(problem.message.contains("\\foo"))
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing is written")

        let (kept, keptOutput, keptProject) = try build(lesson, keepGoing: true)
        defer { keptProject.remove() }
        let report = try kept.get()
        #expect(report.diagnostics.count == 1)
        let page = try String(contentsOf: keptOutput.appendingPathComponent("10-math.html"), encoding: .utf8)
        #expect(page.contains("class=\"math-error\""), "--keep-going shows the raw TeX marked as an error")
    }

    /// Pages are rendered from the student copy, where solutions are shorter and hidden tests are gone; problems
    /// are still reported at the lines of the lesson file.
    @Test func problemsBelowRemovedSolutionsAndHiddenTestsKeepTheirLines() throws {
        let lesson = #"""
            ---
            title: Assignment
            ---

            ```{swift}
            //| exercise: square
            func square(_ x: Int) -> Int {
                // BEGIN SOLUTION
                let result = x * x
                return result
                // END SOLUTION
            }
            ```

            ```{swift}
            //| test: square
            //| points: 1
            check(square(3) == 9)
            // BEGIN HIDDEN TESTS
            check(square(-2) == 4)
            check(square(0) == 0)
            // END HIDDEN TESTS
            ```

            Broken $\foo$ math.

            """#
        let (result, _, project) = try build(lesson)
        defer { project.remove() }
        guard case .failure(let error) = result else { Issue.record("the build should fail"); return }
        let problem = try #require(error.diagnostics.first)
        #expect(error.diagnostics.count == 1, "\(error.diagnostics)")
        #expect(problem.location.line == 25, "the line of the lesson file, not of its student copy: \(problem.location)")
        #expect(problem.location.column == 9)
    }
}

/// Labelled display equations are numbered and citable; `@fig:<cell id>` links to that cell's figure.
@Suite struct SiteReferenceTests {
    @Test func equationsAreNumberedAndCited() throws {
        let (result, output, project) = try SiteMathTests().build("""
            ---
            title: References
            ---

            # References

            $$
            a = b \\label{eq:first}
            $$

            $$
            c = d \\label{eq:second}
            $$

            By $\\eqref{eq:second}$ and $\\eqref{eq:first}$ we are done. @fig:nothing-here is not a figure.
            As @eq-first says; @tbl-none is no table.
            """, keepGoing: true)
        defer { project.remove() }
        let report = try result.get()
        #expect(report.diagnostics.map(\.identifier) == ["site.cross-reference", "site.cross-reference"])
        #expect(report.diagnostics.map(\.location.line) == [15, 16])
        #expect(report.diagnostics.map(\.location.column) == [60, 20])
        let page = try String(contentsOf: output.appendingPathComponent("10-math.html"), encoding: .utf8)
        #expect(page.contains("id=\"eq-eq-first\"") && page.contains("id=\"eq-eq-second\""))
        #expect(page.contains("<mtext class=\"tex-tag\">(1)</mtext>") && page.contains("<mtext class=\"tex-tag\">(2)</mtext>"))
        // `$\eqref{…}$` alone is a link to the equation.
        let citeSecond = try #require(page.range(of: "<a class=\"eqref\" href=\"#eq-eq-second\">(2)</a>"))
        let citeFirst = try #require(page.range(of: "<a class=\"eqref\" href=\"#eq-eq-first\">(1)</a>"))
        #expect(citeSecond.lowerBound < citeFirst.lowerBound, "the prose cites (2) before (1)")
        #expect(page.contains("Figure ?"))
        #expect(page.contains("As <a class=\"eqref\" href=\"#eq-eq-first\">Equation (1)</a> says; Table ? is no table."))
    }

    @Test func figureReferencesLinkToTheNumberedFigure() {
        let (prose, references) = CrossReferences.extract(from: "See @fig:gap-plot.\nAnd @fig:a_b-, then.")
        #expect(prose == "See LESSONSXREF0X.\nAnd LESSONSXREF1X-, then.")
        #expect(references == [.init(kind: .figure, name: "gap-plot", line: 1, column: 5),
                               .init(kind: .figure, name: "a_b", line: 2, column: 5)])
    }
}

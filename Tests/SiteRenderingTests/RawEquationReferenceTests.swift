import Foundation
import SiteRendering
import Testing
import TestSupport

/// `\eqref{…}` outside `$…$` is a warning at its line; inside math, in code and in code blocks it is not.
@Suite struct RawEquationReferenceTests {
    @Test func aReferenceOutsideMathIsAWarningAtItsLine() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("eq.md", """
            ---
            title: Eq
            ---

            $$
            a = b \\label{ab}
            $$

            As $\\eqref{ab}$ shows, and as \\eqref{ab} does not.
            Code may show `\\eqref{ab}` as it is written.

            ```tex
            \\eqref{ab}
            ```

            """)
        var configuration = SiteBuilder.Configuration(
            lessonsDirectory: project.root.appendingPathComponent("Lessons"),
            siteAssetsDirectory: project.root.appendingPathComponent("Assets/site"),
            outputDirectory: project.root.appendingPathComponent("site"))
        configuration.builtInAssetsDirectory = SiteBuildTests.builtInAssets
        let report = try SiteBuilder(configuration: configuration).build()
        let raw = report.diagnostics.filter { $0.identifier == "site.eqref-outside-math" }
        #expect(raw.map(\.location.line) == [9], "\(report.diagnostics)")
        #expect(raw.first?.severity == .warning)
        #expect(raw.first?.message.contains("write `$\\eqref{ab}$`") == true)
    }
}

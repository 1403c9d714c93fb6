import Foundation
import Testing
import TestSupport

/// `{swift} expr` in prose, end to end: `lessons run` stores the value after the span, `--check` sees when it is
/// stale, `lessons build` puts the value in the page, `lessons clear` takes it out.
@Suite(.serialized) struct InlineValueCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func lesson(epochs: Int, prose: String = "The test NLL is `{swift} nll` nats after `{swift} epochs` epochs.")
        -> String
    {
        """
        ---
        title: Values
        ---

        ```{swift}
        let epochs = \(epochs)
        var nll = 30.0
        for epoch in 1...epochs { nll -= 1.0 / Double(epoch) }
        print(nll)
        ```

        \(prose)

        """
    }

    func project() throws -> TemporaryProject {
        // The site's templates and styles are built into lessons: the project needs no Assets/site.
        try TemporaryProject()
    }

    @Test func runStoresValuesThatTheSiteShowsAndClearRemoves() throws {
        let project = try project()
        defer { project.remove() }
        let original = lesson(epochs: 4)
        try project.write("01-values.md", original)
        let lessons = LessonsCommandRunner(project: project)

        let ran = try lessons.run(["run", "01-values.md"])
        #expect(ran.status == 0, "\(ran.standardError)")
        let text = try project.read("01-values.md")
        // 30 - (1 + 1/2 + 1/3 + 1/4) = 27.916666…, printed in full by the cell, 4 significant digits in prose.
        #expect(text.contains("```output\n27.916666666666668\n```"))
        #expect(text.range(of: #"`\{swift\} nll`<!--value:[0-9a-f]{8}:[0-9a-f]{8}-->27\.92<!--/value--> nats after `\{swift\} epochs`<!--value:[0-9a-f]{8}:[0-9a-f]{8}-->4<!--/value--> epochs\."#, options: .regularExpression) != nil, "\(text)")
        #expect(try lessons.run(["run", "--check", "01-values.md"]).status == 0)

        let built = try lessons.run(["build"])
        #expect(built.status == 0, "\(built.standardError)")
        let page = try String(contentsOf: project.root.appendingPathComponent("site/01-values.html"), encoding: .utf8)
        #expect(page.contains(#"The test NLL is <span class="inline-value" tabindex="0" data-code="nll">27.92</span> nats after <span class="inline-value" tabindex="0" data-code="epochs">4</span> epochs."#))
        #expect(!page.contains("{swift}") && !page.contains("<!--value"))

        #expect(try lessons.run(["clear", "01-values.md"]).status == 0)
        #expect(try project.read("01-values.md") == original)
    }

    @Test func aChangedExpressionOrCellMakesTheValueStaleAndARunUpdatesIt() throws {
        let project = try project()
        defer { project.remove() }
        try project.write("01-values.md", lesson(epochs: 4))
        let lessons = LessonsCommandRunner(project: project)
        #expect(try lessons.run(["run", "01-values.md"]).status == 0)

        // A new expression in the prose: stale at its line, though no cell changed.
        let withMore = try project.read("01-values.md")
            .replacingOccurrences(of: " epochs.", with: " epochs, `{swift} nll * 2` doubled.")
        try project.write("01-values.md", withMore)
        let check = try lessons.run(["run", "--check", "01-values.md"])
        #expect(check.status != 0)
        #expect(check.standardError.contains("Lessons/01-values.md:20:1: error: outputs are out of date (inline expression `nll * 2` has no value)"), "\(check.standardError)")
        #expect(try lessons.run(["run", "01-values.md"]).status == 0)
        #expect(try project.read("01-values.md").contains("`{swift} nll * 2`<!--value:"))
        #expect(try project.read("01-values.md").contains("-->55.83<!--/value--> doubled."))

        // A changed cell changes the value the prose shows.
        let retrained = try project.read("01-values.md").replacingOccurrences(of: "let epochs = 4", with: "let epochs = 2")
        try project.write("01-values.md", retrained)
        #expect(try lessons.run(["run", "--check", "01-values.md"]).status != 0)
        #expect(try lessons.run(["run", "01-values.md"]).status == 0)
        let updated = try project.read("01-values.md")
        #expect(updated.contains("-->28.5<!--/value--> nats after `{swift} epochs`<!--value:"))
        #expect(updated.contains("-->2<!--/value--> epochs, `{swift} nll * 2`<!--value:"))
        #expect(try lessons.run(["run", "--check", "01-values.md"]).status == 0)
    }

    @Test func aFailingExpressionFailsTheRunAtItsLineAndStoresNoValue() throws {
        let project = try project()
        defer { project.remove() }
        try project.write("01-values.md", lesson(epochs: 3, prose: "Loss `{swift} los` and `{swift} nll`."))
        let lessons = LessonsCommandRunner(project: project)
        let ran = try lessons.run(["run", "01-values.md"])
        #expect(ran.status != 0)
        #expect(ran.standardError.contains("FAILED (0 of 1 cells, 1 inline expression)"), "\(ran.standardError)")
        // The line of the file as written (the cell above it got its output block).
        #expect(ran.standardError.contains("Lessons/01-values.md:20:15: error: inline expression `los` does not compile: cannot find 'los' in scope"), "\(ran.standardError)")
        let json = try lessons.run(["run", "--force", "--json", "01-values.md"])
        #expect(json.standardOutput.contains(#"{"duration":0,"id":"inline","lesson":"Lessons/01-values.md","location":"Lessons/01-values.md:20:15","message":"inline expression `los` does not compile: cannot find 'los' in scope","status":"failed"}"#), "\(json.standardOutput)")
        let text = try project.read("01-values.md")
        #expect(text.contains("Loss `{swift} los` and `{swift} nll`<!--value:"), "the failing one has no value, the other has")
        let built = try lessons.run(["build"])
        #expect(built.status != 0)
        #expect(built.standardError.contains("Lessons/01-values.md:20:6: error: inline expression `los` has no value (run the lesson)"), "\(built.standardError)")
    }
}

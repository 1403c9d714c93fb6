import Foundation
import Testing
import TestSupport

/// A hidden test says nothing but its name, its points and whether it passed (docs/grading.md, "What a hidden
/// test reveals"): a submission that fails every hidden test, by returning its input, by trapping with it and by
/// not compiling against a hidden literal, finds none of the hidden tests' inputs or expected values in its
/// feedback page, the CSV export, the gradebook or on the terminal. Visible tests keep their "expected, got".
@Suite(.serialized) struct HiddenTestSilenceTests {
    /// Three exercises, each with a visible test and a hidden one built on distinctive numbers.
    static let instructor = """
        ---
        title: Hidden values
        seed: 1
        ---

        ```{swift}
        //| exercise: triple
        func triple(_ x: Int) -> Int {
            // BEGIN SOLUTION
            x * 3
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: triple
        //| points: 1
        checkEqual(triple(2), 6, "triple of 2")
        ```

        ```{swift}
        //| test: triple
        //| points: 2
        // BEGIN HIDDEN TESTS
        checkEqual(triple(48179), 144537, "triple of 48179 is 144537")
        // END HIDDEN TESTS
        ```

        ```{swift}
        //| exercise: spread
        func spread(_ xs: [Double]) -> Double {
            // BEGIN SOLUTION
            xs.max()! - xs.min()!
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: spread
        //| points: 1
        check(spread([1, 4]), approximatelyEquals: 3, "spread of [1, 4]")
        ```

        ```{swift}
        //| test: spread
        //| points: 2
        // BEGIN HIDDEN TESTS
        check(spread([61439.5, 90271.25]), approximatelyEquals: 28831.75, "spread of [61439.5, 90271.25] is 28831.75")
        Swift.precondition(spread([-3175.5, 88.125]) == 3263.625, "spread of [-3175.5, 88.125] should be 3263.625")
        // END HIDDEN TESTS
        ```

        ```{swift}
        //| exercise: widen
        func widen(_ x: Int) -> Int {
            // BEGIN SOLUTION
            x * 2 + 1
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: widen
        //| points: 1
        checkEqual(widen(5), 11)
        ```

        ```{swift}
        //| test: widen
        //| points: 2
        // BEGIN HIDDEN TESTS
        checkEqual(widen(72731), 145463)
        // END HIDDEN TESTS
        ```

        """

    /// Every input and expected value of the hidden tests, as a student could read it.
    static let hiddenLiterals = [
        "48179", "144537", "61439", "90271", "28831", "3175.5", "88.125", "3263.625", "72731", "145463",
    ]

    /// The student's exercises: `triple` returns its input, `spread` traps with it, and `widen` takes an `Int8`,
    /// so the hidden test's `widen(72731)` does not compile ("integer literal '72731' overflows ...").
    static func submission(released: String) -> String {
        var text = released
        for (name, signature, body) in [
            ("triple", "func triple(_ x: Int) -> Int", "x"),
            ("spread", "func spread(_ xs: [Double]) -> Double", "print(\"spread got \\(xs)\")\n    fatalError(\"spread got \\(xs)\")"),
            ("widen", "func widen(_ x: Int8) -> Int8", "x"),
        ] {
            let original = "func \(name)(_ \(name == "spread" ? "xs: [Double]) -> Double" : "x: Int) -> Int")"
            text = text.replacingFirst(
                "\(original) {\n    // YOUR CODE HERE\n    fatalError(\"not implemented yet\")\n}",
                with: "\(signature) {\n    \(body)\n}")
        }
        return text
    }

    @Test func aSubmissionFailingEveryHiddenTestLearnsNoneOfTheirValues() throws {
        let project = try TemporaryProject(in: BuildProducts.directory.appendingPathComponent("test-projects"))
        defer { project.remove() }
        let lessons = LessonsCommandRunner(project: project)
        try project.write("hidden.md", Self.instructor)
        let release = try lessons.run(["release", "hidden.md", "--out", "released"])
        try #require(release.status == 0, "\(release.standardError)")
        let released = try String(contentsOf: project.root.appendingPathComponent("released/hidden.md"), encoding: .utf8)
        let submitted = Self.submission(released: released)
        try #require(submitted.contains("func widen(_ x: Int8) -> Int8"), "the submission must replace every stub")
        let folder = project.root.appendingPathComponent("submissions/eve")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(submitted.utf8).write(to: folder.appendingPathComponent("hidden.md"))

        let grade = try lessons.run(["grade", "--lesson", "hidden.md", "submissions"], timeout: 600)
        #expect(grade.status == 0, "\(grade.standardError)")
        let feedback = try lessons.run(["feedback", "--out", "feedback"])
        #expect(feedback.status == 0, "\(feedback.standardError)")
        let export = try lessons.run(["grades", "export", "--csv"])
        #expect(export.status == 0, "\(export.standardError)")
        let page = try String(
            contentsOf: project.root.appendingPathComponent("feedback/eve/hidden.html"), encoding: .utf8)
        let gradebook = String(
            decoding: try Data(contentsOf: project.root.appendingPathComponent("gradebook.sqlite")), as: UTF8.self)
        let terminal = [grade, feedback, export].map { $0.standardOutput + $0.standardError }.joined(separator: "\n")

        // Every hidden test failed, and says so.
        #expect(export.standardOutput.contains("eve,hidden,TOTAL,0,9,"), "\(export.standardOutput)")
        #expect(page.components(separatedBy: "(hidden)").count - 1 == 3, "\(page)")
        // Visible tests keep what helps: the value expected and the value received, the trap's message.
        #expect(page.contains("expected 6, got 2"), "\(page)")
        #expect(page.contains("expected 11, got 5"), "\(page)")
        #expect(page.contains("spread got [1.0, 4.0]"), "\(page)")
        for (place, text) in [("feedback page", page), ("CSV export", export.standardOutput), ("gradebook", gradebook),
            ("terminal", terminal)]
        {
            for literal in Self.hiddenLiterals {
                #expect(!text.contains(literal), "the \(place) shows the hidden value \(literal): \(text)")
            }
        }
    }
}

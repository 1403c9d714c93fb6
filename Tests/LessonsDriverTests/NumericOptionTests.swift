import Foundation
import PropertyBased
import Testing
import TestSupport

/// Every number an option takes is bounded and checked, on the command line and in cells (issue 15, item 9).
@Suite(.serialized) struct NumericOptionTests {
    static let lesson = """
        ---
        title: Numbers
        ---

        ```{swift}
        //| timeout: 1e308
        print(1)
        ```

        """

    @Test func checkReportsAnAbsurdCellTimeoutAtItsLocation() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-numbers.md", Self.lesson)
        let lessons = LessonsCommandRunner(project: project)
        for command in [["check", "--all"], ["run", "--all"]] {
            let result = try lessons.run(command)
            #expect(result.status == 1, "\(command): \(result.standardError)")
            #expect(result.standardError.contains("Lessons/01-numbers.md:6:14: error:"), "\(command): \(result.standardError)")
            #expect(result.standardError.contains("timeout"), "\(result.standardError)")
        }
    }

    @Test func infiniteTimeoutsAreRejectedByName() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        for command in [
            ["run", "--timeout", "inf", "means.md"], ["grade", "--lesson", "means.md", "--validate", "--timeout", "inf"],
        ] {
            let result = try grading.lessons.run(command, timeout: 120)
            #expect(result.status != 0 && result.status < 128, "\(command) exits with an error, not a signal: \(result.status)")
            #expect(result.standardError.contains("--timeout"), "\(command): \(result.standardError)")
        }
    }

    /// The numbers people mistype, for every numeric option of every command.
    static let badValues = ["inf", "-inf", "nan", "0", "-1", "1e308", "90000", "1e9", "-0"]

    @Test func everyNumericOptionRejectsBadValues() async throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        let options: [(command: [String], option: String)] = [
            (["run", "means.md"], "--timeout"), (["run", "means.md"], "--jobs"),
            (["grade", "--lesson", "means.md", "--validate"], "--timeout"),
            (["grade", "--lesson", "means.md", "--validate"], "--jobs"),
            (["grades", "set", "--student", "s", "--new-student", "--lesson", "means", "--exercise", "explain"], "--points"),
            (["preview"], "--port"), (["build"], "--jobs"),
        ]
        await propertyCheck(count: 80, input: Gen.int(in: 0...(options.count * Self.badValues.count - 1))) { index in
            let (command, option) = options[index % options.count]
            let value = Self.badValues[index / options.count]
            if option == "--points", ["0", "-0"].contains(value) { return }  // 0 points is a valid score
            if option == "--port", ["0", "-0"].contains(value) { return }  // port 0 means any free port
            do {
                let result = try grading.lessons.run(command + ["\(option)=\(value)"], timeout: 120)
                #expect(result.status != 0 && result.status < 128, "\(command) \(option)=\(value): \(result.status)")
                #expect(result.standardError.contains(option), "\(command) \(option)=\(value): \(result.standardError)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    /// Cell and front-matter numbers: `check` accepts a value only when it is finite and in range.
    @Test func cellNumbersAreBoundedInCheck() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let lessons = LessonsCommandRunner(project: project)
        let values = Self.badValues + ["1", "0.5", "86400", "3"]
        await propertyCheck(count: 40, input: Gen.int(in: 0...(values.count * 3 - 1))) { index in
            let value = values[index % values.count], place = index / values.count
            let text: String
            switch place {
            case 0: text = "---\ntitle: N\n---\n\n```{swift}\n//| timeout: \(value)\nprint(1)\n```\n"
            case 1: text = "---\ntitle: N\ntimeout: \(value)\n---\n\n```{swift}\nprint(1)\n```\n"
            default: text = "---\ntitle: N\n---\n\n```{swift}\n//| exercise: e\n//| manual: true\n//| points: \(value)\n// answer\n```\n"
            }
            let number = Double(value)!
            let valid = number.isFinite && (place == 2 ? number >= 0 && number <= 10_000 : number > 0 && number <= 86_400)
            do {
                try project.write("01-n.md", text)
                let result = try lessons.run(["check", "01-n.md"])
                #expect((result.status == 0) == valid, "place \(place), value \(value): \(result.standardError)")
                if !valid { #expect(result.standardError.contains("Lessons/01-n.md:"), "\(result.standardError)") }
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}

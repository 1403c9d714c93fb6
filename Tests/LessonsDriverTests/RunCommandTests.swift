import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct RunCommandTests {
    let lesson = """
        ---
        title: Cache
        ---

        Some $x_{i-1}$ math.

        ```{swift}
        //| caption: A square
        let side = 3
        print("area", side * side)
        show(SVGImage(source: "<svg xmlns=\\"http://www.w3.org/2000/svg\\"/>"))
        ```

        """

    @Test func runWritesOutputsAndFiguresThenSkipsWhenUpToDate() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-cache.md", lesson)
        let lessons = LessonsCommandRunner(project: project)

        let first = try lessons.run(["run", "01-cache.md"])
        #expect(first.status == 0, "\(first.standardError)")
        let ran = try project.read("01-cache.md")
        #expect(ran.contains("```output\narea 9\n```"))
        #expect(ran.contains("![A square](figures/01-cache/cell-1-1.svg)"))
        let figure = project.root.appendingPathComponent("Lessons/figures/01-cache/cell-1-1.svg")
        #expect(FileManager.default.fileExists(atPath: figure.path))

        let second = try lessons.run(["run", "01-cache.md"])
        #expect(second.standardError.contains("up to date"))
        #expect(try project.read("01-cache.md") == ran)
        #expect(try lessons.run(["run", "--check", "--all"]).status == 0)

        let forced = try lessons.run(["run", "--force", "Lessons/01-cache.md"])
        #expect(forced.standardError.contains("ran 1 cells"))
        #expect(try project.read("01-cache.md") == ran, "a re-run writes byte-identical files")
    }

    @Test func checkReportsStaleLessonsAndWritesNothing() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-cache.md", lesson)
        let lessons = LessonsCommandRunner(project: project)
        try lessons.run(["run", "--all"])
        let edited = try project.read("01-cache.md").replacingOccurrences(of: "let side = 3", with: "let side = 4")
        try project.write("01-cache.md", edited)

        let check = try lessons.run(["run", "--check", "--all"])
        #expect(check.status == 1)
        #expect(check.standardError.contains("Lessons/01-cache.md:7:1: error: outputs are out of date"))
        #expect(try project.read("01-cache.md") == edited)

        try lessons.run(["run", "--all"])
        #expect(try project.read("01-cache.md").contains("area 16"))
    }

    @Test func clearRemovesOutputsAndFigures() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-cache.md", lesson)
        let lessons = LessonsCommandRunner(project: project)
        try lessons.run(["run", "01-cache"])
        #expect(try lessons.run(["clear", "01-cache.md"]).status == 0)
        #expect(try project.read("01-cache.md") == lesson)
        let figures = project.root.appendingPathComponent("Lessons/figures/01-cache")
        #expect(!FileManager.default.fileExists(atPath: figures.path))
    }

    @Test func aBrokenLessonIsReportedAndOthersStillRun() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-good.md", lesson)
        try project.write("02-bad.md", "---\ntitle: Bad\n---\n\n```{swift}\n//| echo: sometimes\n```\n")
        try project.write("03-crash.md", "---\ntitle: Crash\n---\n\n```{swift}\nfatalError(\"no\")\n```\n")
        let result = try LessonsCommandRunner(project: project).run(["run", "--all", "--jobs", "2"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("Lessons/02-bad.md:6:11: error: cell option 'echo' must be true or false"))
        #expect(result.standardError.contains("Lessons/03-crash.md:6:1: error: cell 'cell-1' crashed"))
        #expect(try project.read("01-good.md").contains("area 9"))
        #expect(try project.read("03-crash.md").contains("status=failed"))
    }

    /// Two lessons that each wait (up to 20 s) for the other's marker file both see it only if they run at
    /// the same time: by default `lessons run` runs as many lessons at once as the machine has cores (with one at a
    /// time, the first would wait alone). A lesson's outputs are the same bytes run beside others or alone.
    @Test func lessonsRunAtTheSameTimeByDefaultAndWriteTheSameBytesOneAtATime() throws {
        guard ProcessInfo.processInfo.activeProcessorCount >= 2 else { return }
        func waiting(_ mine: String, _ theirs: String) -> String {
            """
            ---
            title: Wait for \(theirs)
            ---

            ```{swift}
            //| timeout: 60
            import Foundation
            FileManager.default.createFile(atPath: "\(mine).marker", contents: Data())
            var seen = false
            for _ in 0..<200 where !seen {
                seen = FileManager.default.fileExists(atPath: "\(theirs).marker")
                if !seen { Thread.sleep(forTimeInterval: 0.1) }
            }
            print("the other is running:", seen)
            ```

            """
        }
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-a.md", waiting("a", "b"))
        try project.write("02-b.md", waiting("b", "a"))
        try project.write("03-plain.md", lesson)
        let lessons = LessonsCommandRunner(project: project)
        let parallel = try lessons.run(["run", "--all"])
        #expect(parallel.status == 0, "\(parallel.standardError)")
        #expect(try project.read("01-a.md").contains("the other is running: true"))
        #expect(try project.read("02-b.md").contains("the other is running: true"))
        let plain = try project.read("03-plain.md")

        #expect(try lessons.run(["clear", "03-plain.md"]).status == 0)
        let serial = try lessons.run(["run", "--jobs", "1", "03-plain.md"])
        #expect(serial.status == 0, "\(serial.standardError)")
        #expect(try project.read("03-plain.md") == plain)
    }

    @Test func jsonGivesOneRecordPerCell() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-cache.md", lesson + "\n```{swift}\nlet s: Int = \"x\"\n```\n")
        let result = try LessonsCommandRunner(project: project).run(["run", "--json", "01-cache.md"])
        let records = result.standardOutput.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
        }
        #expect(records.count == 2)
        #expect(records.map { $0["status"] as? String } == ["ok", "failed"])
        // Lines of the file as written: the first cell's output block (10 lines) now stands above the second cell.
        #expect(records.map { $0["location"] as? String } == ["Lessons/01-cache.md:7", "Lessons/01-cache.md:24"])
        #expect(records[0]["duration"] is Double)
    }

    @Test func aFileChangedWhileItsCellsRunIsNotOverwritten() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let slow = "---\ntitle: Slow\n---\n\n```{swift}\nimport Foundation\nThread.sleep(forTimeInterval: 3)\nprint(1)\n```\n"
        try project.write("01-slow.md", slow)
        let process = try LessonsCommandRunner(project: project).start(["run", "01-slow.md"])
        Thread.sleep(forTimeInterval: 1.5)
        let authorsEdit = slow + "\nThe author kept writing.\n"
        try project.write("01-slow.md", authorsEdit)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(try project.read("01-slow.md") == authorsEdit)
    }

    @Test func unknownLessonNamesAreErrors() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let result = try LessonsCommandRunner(project: project).run(["run", "99-missing.md"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no lesson '99-missing.md'"))
    }

    @Test func aChangedDataFileMakesTheLessonsThatReadItStale() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let data = project.root.appendingPathComponent("Assets/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("41\n".utf8).write(to: data.appendingPathComponent("answer.txt"))
        try project.write("01-reads.md", """
            ---
            title: Reads data
            ---

            ```{swift}
            import Foundation
            LessonRuntime.recordInput("Assets/data/answer.txt")
            print(try! String(contentsOfFile: "Assets/data/answer.txt", encoding: .utf8))
            ```

            """)
        try project.write("02-ignores.md", "---\ntitle: Ignores data\n---\n\n```{swift}\nprint(1)\n```\n")
        let lessons = LessonsCommandRunner(project: project)
        let first = try lessons.run(["run", "--all"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try project.read("01-reads.md").contains("inputs=Assets/data/answer.txt"))
        #expect(try lessons.run(["run", "--all", "--check"]).status == 0)

        try Data("42\n".utf8).write(to: data.appendingPathComponent("answer.txt"))
        let check = try lessons.run(["run", "--all", "--check"])
        #expect(check.status == 1)
        #expect(check.standardError.contains("Lessons/01-reads.md: STALE"))
        #expect(check.standardError.contains("Lessons/02-ignores.md: up to date"))
        #expect(check.standardError.contains(
            "Lessons/01-reads.md:5:1: error: outputs are out of date (cell 'cell-1', a cell before it or a file it read (Assets/data/answer.txt) changed)"),
            "\(check.standardError)")
        try lessons.run(["run", "--all"])
        #expect(try project.read("01-reads.md").contains("```output\n42\n"))
    }

    @Test func progressIsLiveOnATerminalAndPlainOtherwise() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-cache.md", lesson)
        let terminal = try LessonsCommandRunner(project: project).runOnTerminal(["run", "--force", "01-cache.md"])
        #expect(terminal.contains("\r\u{1B}[2K[1/1] Lessons/01-cache.md: cell 1/1 cell-1"), "a live status line per cell")
        let plain = try LessonsCommandRunner(project: project).run(["run", "--force", "01-cache.md"])
        #expect(!plain.standardError.contains("\u{1B}["), "no terminal escapes in logs")
        #expect(plain.standardError.contains("[1/1] Lessons/01-cache.md: ran 1 cells"))
    }
}

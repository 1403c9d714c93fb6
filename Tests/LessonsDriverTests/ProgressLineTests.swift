import Foundation
import Testing
import TestSupport

/// On a terminal `lessons run` shows the running cell with its elapsed seconds, going up while the cell runs; in a
/// log (no terminal) it writes plain lines only.
@Suite struct ProgressLineTests {
    let lesson = """
        ---
        title: Slow
        ---

        ```{swift}
        //| id: quick
        print("quick")
        ```

        ```{swift}
        //| id: slow
        import Foundation
        sleep(3)
        print("slept")
        ```

        """

    @Test func aTerminalSeesTheRunningCellAndItsSecondsGoUp() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-slow.md", lesson)
        let shown = try Self.onATerminal(["run", "01-slow.md"], in: project)
        let seconds = Set(shown.matches(of: /Lessons\/01-slow\.md: cell 2\/2 slow, (\d+) s/).compactMap { Int($0.1) })
        #expect(seconds.contains(0) && seconds.contains { $0 >= 2 }, "the slow cell's seconds go up on the line: \(shown.debugDescription)")
        #expect(shown.contains("[1/1] Lessons/01-slow.md: ran 2 cells"), "\(shown.debugDescription)")
    }

    @Test func aTerminalSeesACellsProgressBarMove() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-bar.md", """
            ---
            title: Bar
            ---

            ```{swift}
            //| id: sampling
            import Foundation
            let bar = ProgressBar("sampling", total: 12, unit: "chains")
            for _ in 0..<12 { usleep(200_000); bar.advance() }
            bar.finish()
            ```

            """)
        let shown = try Self.onATerminal(["run", "01-bar.md"], in: project)
        let counts = Set(shown.matches(of: /cell 1\/1 sampling, \d+ s, sampling ▕[█▉▊▋▌▍▎▏ ]{10}▏ (\d+)\/12 chains/).compactMap { Int($0.1) })
        #expect(counts.count >= 3 && counts.contains(12), "the bar moves on the status line: \(shown.debugDescription)")
        let stored = try project.read("01-bar.md")
        #expect(stored.contains("```output\nsampling ▕████████████████████▏ 12/12 chains\n```"), "\(stored)")
    }

    /// What `lessons ARGUMENTS` shows on a terminal 160 columns wide (script(1) gives it one), after checking it
    /// succeeded.
    static func onATerminal(_ arguments: [String], in project: TemporaryProject) throws -> String {
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = "stty cols 160 && '\(BuildProducts.lessonsExecutable.path)' " + arguments.joined(separator: " ")
        script.arguments = ["-qfec", command, "/dev/null"]
        script.currentDirectoryURL = project.root
        let output = Pipe()
        script.standardOutput = output
        script.standardInput = FileHandle.nullDevice
        try script.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        #expect(script.terminationStatus == 0, "\(shown)")
        return shown
    }

    @Test func aLogGetsPlainLines() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-slow.md", lesson)
        let run = try LessonsCommandRunner(project: project).run(["run", "01-slow.md"])
        #expect(run.status == 0)
        #expect(!run.standardError.contains("\r") && !run.standardError.contains("\u{1B}"), "\(run.standardError.debugDescription)")
        #expect(run.standardError.contains("[1/1] Lessons/01-slow.md: ran 2 cells"))
    }
}

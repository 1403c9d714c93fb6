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
        // script(1) gives the command a terminal and copies what it shows to standard output.
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        script.arguments = ["-qfec", "'\(BuildProducts.lessonsExecutable.path)' run 01-slow.md", "/dev/null"]
        script.currentDirectoryURL = project.root
        let output = Pipe()
        script.standardOutput = output
        script.standardInput = FileHandle.nullDevice
        try script.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        #expect(script.terminationStatus == 0, "\(shown)")
        let seconds = Set(shown.matches(of: /Lessons\/01-slow\.md: cell 2\/2 slow, (\d+) s/).compactMap { Int($0.1) })
        #expect(seconds.contains(0) && seconds.contains { $0 >= 2 }, "the slow cell's seconds go up on the line: \(shown.debugDescription)")
        #expect(shown.contains("[1/1] Lessons/01-slow.md: ran 2 cells"), "\(shown.debugDescription)")
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

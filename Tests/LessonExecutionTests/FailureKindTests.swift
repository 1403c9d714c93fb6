import Foundation
import LessonExecution
import LessonModel
import Testing

/// Every way a cell can fail is reported in that cell with file:line, later cells are not run, and the
/// runner itself carries on.
@Suite(.serialized) struct FailureKindTests {
    let harness = ExecutionHarness()

    /// A lesson whose second cell is `failing` and whose third must then not run.
    func runThird(_ failing: String, limits: RunLimits = RunLimits()) throws -> [CellOutput] {
        var harness = harness
        harness.limits = limits
        return try harness.run("""

            ```{swift}
            print("one")
            ```

            ```{swift}
            \(failing)
            ```

            ```{swift}
            print("three")
            ```

            """).1
    }

    func expectLaterCellNotRun(_ outputs: [CellOutput]) {
        #expect(outputs[0].outcome == .succeeded)
        #expect(outputs[2].isNotRun)
        #expect(outputs[2].standardOutput.isEmpty)
    }

    @Test func compileErrorPointsAtTheMarkdownLineAndEarlierCellsStillRun() throws {
        let outputs = try runThird("let broken: Int = \"text\"")
        #expect(outputs[0].standardOutput == "one\n")
        let failure = try #require(outputs[1].failure)
        #expect(failure.location == "Lessons/t.md:11:19")
        #expect(failure.message.contains("cannot convert value of type 'String' to specified type 'Int'"))
        #expect(outputs[1].errors.first?.hasPrefix("Lessons/t.md:11:19: error:") == true)
        expectLaterCellNotRun(outputs)
    }

    @Test func fatalErrorKeepsEarlierOutputAndNamesTheLine() throws {
        let outputs = try runThird("print(\"kept\")\nfatalError(\"boom\")")
        #expect(outputs[1].standardOutput == "kept\n")
        let failure = try #require(outputs[1].failure)
        #expect(failure.location == "Lessons/t.md:12:1")
        #expect(failure.fatal)
        let stderr = outputs[1].items.compactMap { if case .standardError(let t) = $0 { t } else { nil } }.joined()
        #expect(failure.message.contains("Fatal error: boom"), "the trap's message is in the failure, not in stderr")
        #expect(!stderr.contains("Fatal error"))
        #expect(!stderr.contains("Backtrac"), "the runtime's backtrace is not part of the output")
        expectLaterCellNotRun(outputs)
    }

    @Test func indexOutOfRangeNamesTheLine() throws {
        let outputs = try runThird("let xs = [1, 2]\nlet i = xs.count\nprint(xs[i])")
        let failure = try #require(outputs[1].failure)
        #expect(failure.location.hasPrefix("Lessons/t.md:13:"))
        #expect(failure.message.contains("crashed"))
        expectLaterCellNotRun(outputs)
    }

    @Test func signalIsReported() throws {
        let outputs = try runThird("import Glibc\nraise(SIGTERM)")
        #expect(try #require(outputs[1].failure).message.contains("signal 15"))
        expectLaterCellNotRun(outputs)
    }

    @Test func exitIsReported() throws {
        let outputs = try runThird("import Glibc\nprint(\"bye\")\nexit(3)")
        #expect(outputs[1].standardOutput == "bye\n")
        #expect(try #require(outputs[1].failure).message.contains("exit(3)"))
        expectLaterCellNotRun(outputs)
    }

    @Test func infiniteLoopTimesOut() throws {
        let started = Date()
        let outputs = try runThird("//| timeout: 1\nprint(\"looping\")\nwhile true {}")
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(outputs[1].standardOutput == "looping\n")
        let failure = try #require(outputs[1].failure)
        #expect(failure.message.contains("timed out after 1 s"))
        #expect(failure.location == "Lessons/t.md:10:1")
        expectLaterCellNotRun(outputs)
    }

    @Test func memoryBombHitsTheLimit() throws {
        var limits = RunLimits()
        limits.memoryBytes = 1 << 30
        let outputs = try runThird(
            "var chunks: [[UInt8]] = []\nwhile true { chunks.append([UInt8](repeating: 1, count: 1 << 24)) }",
            limits: limits)
        #expect(outputs[1].failure != nil)
        expectLaterCellNotRun(outputs)
    }

    @Test func forkBombIsContainedAndCleanedUp() throws {
        let outputs = try runThird(
            "//| timeout: 2\nimport Glibc\nprint(getpgrp())\nfflush(stdout)\nwhile true { _ = fork() }")
        #expect(try #require(outputs[1].failure).message.contains("timed out"))
        expectLaterCellNotRun(outputs)
        // Nothing the bomb forked survives the run (killed processes may linger as zombies until reaped). Only
        // the bomb's own process group counts: other tests run lesson programs at the same time.
        let group = try #require(Int(outputs[1].standardOutput.split(separator: "\n").first ?? ""))
        var survivors: [String] = []
        for _ in 0..<30 {
            survivors = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { entry in
                guard Int(entry) != nil,
                    let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8)
                else { return false }
                // After the command name in parentheses: state, parent pid, process group.
                let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
                return fields.count > 2 && Int(fields[2]) == group && fields[0] != "Z"
            }
            if survivors.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(survivors.isEmpty)
    }

    @Test func floodOfOutputIsCappedAndSaysSo() throws {
        // 100 MB of output: the cell is stopped at the output limit and the lesson keeps a short prefix.
        let outputs = try runThird(
            "let line = String(repeating: \"x\", count: 99)\nfor _ in 0..<1_000_000 { print(line) }")
        let failure = try #require(outputs[1].failure)
        #expect(failure.message.contains("more than 64 MB of output"))
        #expect(outputs[1].standardOutput.utf8.count <= RunLimits().shownOutputBytes)
        #expect(outputs[1].errors.contains { $0.contains("standard output truncated") })
        expectLaterCellNotRun(outputs)
    }

    @Test func invalidUTF8IsShownReplacedAndFailsOnlyThatCell() throws {
        let outputs = try runThird(
            "import Foundation\nFileHandle.standardOutput.write(Data([0x66, 0xFF, 0x0A]))")
        #expect(outputs[1].standardOutput == "f\u{FFFD}\n")
        #expect(try #require(outputs[1].failure).message.contains("not valid UTF-8"))
        #expect(outputs[2].standardOutput == "three\n", "output problems are not fatal")
    }

    @Test func expectedErrorsShowTheErrorAndTheLessonGoesOn() throws {
        let (_, outputs) = try harness.run("""

            ```{swift}
            //| error: true
            let x: Int = "no"
            ```

            ```{swift}
            //| error: true
            let empty: [Int] = []
            print(empty[0])
            ```

            ```{swift}
            print("still running")
            ```

            ```{swift}
            //| error: true
            print("fine")
            ```

            """)
        #expect(outputs[0].outcome == .failedAsExpected)
        #expect(outputs[0].errors.first?.contains("cannot convert") == true)
        #expect(outputs[1].outcome == .failedAsExpected)
        #expect(outputs[2].standardOutput == "still running\n")
        #expect(try #require(outputs[3].failure).message.contains("ran without an error"))
    }
}

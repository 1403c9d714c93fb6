import Foundation
import LessonExecution
import LessonModel
import LessonParsing
import LessonRuntimeProtocol
import Testing
import TestSupport

/// LessonKit's `ProgressBar` (and `train`, which draws one) tells the runner how far a cell has come while it runs,
/// and leaves one line in the cell's output that depends only on the counts.
@Suite struct ProgressBarTests {
    /// The reports the runner heard, in order.
    final class Heard: @unchecked Sendable {
        private let lock = NSLock()
        private var reports: [(cell: Int, update: ProgressUpdate)] = []
        func add(_ cell: Int, _ update: ProgressUpdate) { lock.withLock { reports.append((cell, update)) } }
        var all: [(cell: Int, update: ProgressUpdate)] { lock.withLock { reports } }
    }

    func run(_ body: String) throws -> (LessonRunResult, [(cell: Int, update: ProgressUpdate)]) {
        let text = "---\ntitle: T\nseed: 1\n---\n" + body
        let lesson = try #require(LessonParser.parse(Array(text.utf8), displayPath: "Lessons/t.md").0)
        var executor = LessonExecutor(
            toolchain: try Toolchain.locate(cacheDirectory: nil),
            lessonKit: try LessonKitLocation.locate(executable: BuildProducts.lessonsExecutable),
            limits: RunLimits(), workingDirectory: FileManager.default.temporaryDirectory.path)
        let heard = Heard()
        executor.onProgress = { heard.add($0, $1) }
        return (try executor.execute(lesson, seed: 1), heard.all)
    }

    @Test func aBarIsHeardGoingUpWhileTheCellRunsAndLeavesOneLine() throws {
        let body = """
            ```{swift}
            //| id: first
            print("before")
            ```

            ```{swift}
            //| id: chains
            import Foundation
            let bar = ProgressBar("sampling chains", total: 20, unit: "chains")
            for _ in 0..<20 { usleep(60_000); bar.advance() }
            bar.finish()
            bar.finish()
            print("done")
            ```

            """
        let (result, heard) = try run(body)
        let expected = "sampling chains ▕████████████████████▏ 20/20 chains\ndone\n"
        #expect(result.cells[1].standardOutput == expected)
        #expect(heard.allSatisfy { $0.cell == 1 && $0.update.label == "sampling chains" && $0.update.unit == "chains" })
        let counts = heard.map(\.update.completed)
        #expect(counts.count >= 5 && counts.first == 0 && counts.last == 20, "\(counts)")
        #expect(counts == counts.sorted(), "reports arrive in order: \(counts)")
        #expect(counts.count <= 21, "at most ten a second, plus the first and the last: \(counts)")
        // The stored output is the same in another run, whatever the timing.
        #expect(try run(body).0.cells[1].standardOutput == expected)
    }

    @Test func trainingLeavesOneLineWithTheEpochsRun() throws {
        let (result, heard) = try run("""
            ```{swift}
            //| id: train
            var random = SeededGenerator(seed: 3)
            let images = (0..<40).map { n in (0..<4).map { Double(($0 + n) % 2) } }
            FVSBN(pixelCount: 4).train(on: images, epochs: 3, batchSize: 10, using: &random)
            let early = FVSBN(pixelCount: 4).trainWithEarlyStopping(
                on: images, validation: Array(images.prefix(10)), maxEpochs: 200, patience: 1, minimumImprovement: 10,
                batchSize: 10, using: &random)
            print(early.trainingNLL.count)
            ```

            """)
        let lines = result.cells[0].standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.first == "training FVSBN ▕████████████████████▏ 3/3 epochs")
        let stopped = try #require(Int(lines.last ?? ""))
        #expect(stopped < 200)
        #expect(lines.dropFirst().first == ProgressBarText.line(
            ProgressUpdate(completed: stopped, total: 200, label: "training FVSBN", unit: "epochs")))
        #expect(heard.contains { $0.update.label == "training FVSBN" && $0.update.total == 3 })
    }

    @Test func aBarMadeInEveryIterationOfALoopDoesNotFloodTheRunner() throws {
        let started = Date()
        let (result, heard) = try run("""
            ```{swift}
            //| id: loop
            for n in 0..<100_000 {
                let bar = ProgressBar("item \\(n)", total: 1)
                bar.advance()
            }
            print("done")
            ```

            """)
        let seconds = Date().timeIntervalSince(started)
        #expect(result.cells[0].standardOutput == "done\n")
        #expect(heard.count <= Int(seconds * 50) + 5, "\(heard.count) reports in \(seconds) s")
    }
}

import Foundation
import LessonExecution
import Testing

/// A submission whose program never reaches its first cell was never run: that is the grader's failure (reported,
/// retried by the next `lessons grade`), never a grade of zero for the student.
@Suite struct SubmissionStartTests {
    func run(_ executable: String) throws(ExecutionError) -> SubmissionRun.Result {
        try SubmissionRun(
            executable: executable, sandbox: nil, workingDirectory: FileManager.default.temporaryDirectory.path,
            environment: [:], limits: .init(seconds: 10), name: "start-\(UUID().uuidString.prefix(8).lowercased())"
        ).run()
    }

    @Test func aProgramThatEndsBeforeItsFirstCellIsAnErrorOfTheGrader() throws {
        let started = Date()
        #expect(throws: ExecutionError.self) { try run("/bin/false") }
        #expect(Date().timeIntervalSince(started) >= 0.5, "tried twice, half a second apart")
    }

    @Test func sandboxUsersDifferBetweenRuns() {
        let users = (0..<64).map { _ in SandboxUser.next() }
        #expect(Set(users.map(\.id)).count == 64)
        #expect(users.allSatisfy { $0.id >= 0x4000_0000 && $0.id < 0x6000_0000 })
    }
}

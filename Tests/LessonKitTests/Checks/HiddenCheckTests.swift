import Foundation
@testable import LessonKit
import LessonRuntimeProtocol
import Testing

/// In a hidden test cell being graded, a failed check says "check failed" and where: never the values compared
/// or its label. In any other cell it says everything.
@Suite(.serialized) struct HiddenCheckTests {
    /// The check records emitted while `body` runs in cell `cell`, when cells `hidden` hold hidden tests.
    func records(inCell cell: Int, hidden: Set<Int>, _ body: () -> Void) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("checks-\(UUID().uuidString)").path
        defer { unlink(path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0)
        LessonRuntime.state.withLock { state in
            let list = hidden.map(String.init).joined(separator: ",")
            state.hiddenCells = LessonRuntime.hiddenCells(in: [RuntimeEnvironment.hiddenCells: list])
            state.displayDescriptor = descriptor
        }
        LessonRuntime.beginCell(cell)
        body()
        LessonRuntime.state.withLock { state in
            state.displayDescriptor = -1
            state.hiddenCells = []
            state.inHiddenCell = false
        }
        close(descriptor)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // Other suites may check at the same time: keep this file's records only.
        return text.split(separator: "\n").map(String.init).filter { $0.contains("HiddenCheckTests.swift") }
    }

    @Test func aHiddenTestsChecksSayOnlyThatTheyFailed() throws {
        let lines = try records(inCell: 90_001, hidden: [90_001, 90_007]) {
            checkEqual(48179, 144537, "triple of 48179")
            check(61439.5, approximatelyEquals: 28831.75, "spread of [61439.5, 90271.25]")
            check([3175.5, 1], approximatelyEquals: [3263.625, 1])
            var derivation = Derivation("steps", tolerance: 1e-9)
            derivation.step("first", 7273.5)
            derivation.step("second", 14547.5)
        }
        #expect(lines.count == 4, "\(lines)")
        for line in lines {
            #expect(line.contains("\"text\":\"check failed\""), "\(line)")
            for literal in ["48179", "144537", "61439", "28831", "90271", "3175", "3263", "7273", "14547", "triple", "spread"] {
                #expect(!line.contains(literal), "a hidden test's check shows \(literal): \(line)")
            }
        }
    }

    @Test func aVisibleTestsChecksShowExpectedAndGot() throws {
        let lines = try records(inCell: 90_002, hidden: [90_001]) {
            checkEqual(2, 6, "triple of 2")
        }
        #expect(lines.count == 1 && lines[0].contains("triple of 2: expected 6, got 2"), "\(lines)")
    }
}

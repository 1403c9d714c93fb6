import LessonKit
import LessonRuntimeProtocol
import Testing

@Suite struct DisplayTests {
    @Test func tablesFormatNumbersDeterministically() {
        let table = Table(["n", "x"], rows: [[1, 0.123456], [2, 1234.5678], [3, 1e-7]])
        #expect(table.rows == [["1", "0.1235"], ["2", "1235"], ["3", "1e-07"]])
        #expect(table.displayRecord.kind == .table)
    }

    @Test(arguments: [
        (0.0, "0"), (1.0, "1"), (-2.5, "-2.5"), (18.123456, "18.12"), (0.000123456, "0.0001235"), (123456.0, "123456"), (1.5e7, "1.5e+07"), (-2.25e-9, "-2.25e-09"),
    ])
    func numberFormatting(value: Double, expected: String) {
        #expect(NumberFormatting.format(value, significantDigits: 4) == expected)
    }

    @Test func controlEventsRoundTrip() {
        for event in [ControlEvent.cellStarted(3), .cellFinished(12, failedChecks: 2), .cellFinished(1, failedChecks: 0, credit: 0.25), .finished] {
            #expect(ControlEvent(line: event.line(token: "secret").dropLast()[...], token: "secret") == event)
            #expect(ControlEvent(line: event.line(token: "forged").dropLast()[...], token: "secret") == nil)
        }
        #expect(ControlEvent(line: "start x secret", token: "secret") == nil)
    }

    @Test func resourceLimitsRoundTrip() {
        let limits = ResourceLimitSpec(cpuSeconds: 5, addressSpaceBytes: 1 << 30, fileSizeBytes: 1 << 20, processes: 64, openFiles: 128)
        #expect(ResourceLimitSpec(text: limits.text) == limits)
        #expect(ResourceLimitSpec(text: "cpu=1") == nil)
    }
}

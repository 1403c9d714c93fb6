import LessonRuntimeProtocol

/// Checks that `actual` equals `expected` within `tolerance` (absolute, or relative to |expected| when
/// `relative` is true), and reports the result to the runner.
///
/// A failed check fails its cell with the message and the file:line of the call, e.g.
/// `check failed: E[log q] = -1.42: expected -1.4189, got -1.3 (difference 0.1189 > tolerance 1e-06)`;
/// the lesson goes on with the next cell. A passing check shows nothing. In a hidden test being graded, a failed
/// check says only `check failed` and where (``LessonRuntime/isInHiddenTestCell``).
/// - Returns: whether the check passed.
@discardableResult
public func check(
    _ actual: Double, approximatelyEquals expected: Double, tolerance: Double = 1e-9, relative: Bool = false,
    _ label: String = "", file: String = #filePath, line: Int = #line
) -> Bool {
    let difference = abs(actual - expected)
    let allowed = relative ? tolerance * abs(expected) : tolerance
    let passed = difference <= allowed || actual == expected
    let message = "check failed: \(prefix(label))expected \(format(expected)), got \(format(actual)) "
        + "(difference \(format(difference)) > \(relative ? "relative " : "")tolerance \(format(tolerance)))"
    return CheckReporter.report(passed: passed, message: message, file: file, line: line)
}

/// Checks element by element that `actual` equals `expected` within `tolerance`; reports the first difference.
@discardableResult
public func check(
    _ actual: [Double], approximatelyEquals expected: [Double], tolerance: Double = 1e-9, _ label: String = "",
    file: String = #filePath, line: Int = #line
) -> Bool {
    guard actual.count == expected.count else {
        return CheckReporter.report(
            passed: false, message: "check failed: \(prefix(label))expected \(expected.count) values, got \(actual.count)",
            file: file, line: line)
    }
    for index in actual.indices where !(abs(actual[index] - expected[index]) <= tolerance) {
        let message = "check failed: \(prefix(label))at index \(index): expected \(format(expected[index])), "
            + "got \(format(actual[index])) (difference \(format(abs(actual[index] - expected[index]))) > tolerance \(format(tolerance)))"
        return CheckReporter.report(passed: false, message: message, file: file, line: line)
    }
    return CheckReporter.report(passed: true, message: "", file: file, line: line)
}

/// Checks that `condition` holds.
@discardableResult
public func check(_ condition: Bool, _ label: String = "", file: String = #filePath, line: Int = #line) -> Bool {
    CheckReporter.report(
        passed: condition, message: "check failed: \(label.isEmpty ? "condition is false" : label)", file: file, line: line)
}

/// Checks that two values are equal.
@discardableResult
public func checkEqual<Value: Equatable>(
    _ actual: Value, _ expected: Value, _ label: String = "", file: String = #filePath, line: Int = #line
) -> Bool {
    CheckReporter.report(
        passed: actual == expected, message: "check failed: \(prefix(label))expected \(expected), got \(actual)",
        file: file, line: line)
}

private func prefix(_ label: String) -> String { label.isEmpty ? "" : label + ": " }

private func format(_ value: Double) -> String { NumberFormatting.format(value, significantDigits: 4) }

/// Sends check results to the runner (or prints failures when there is no runner).
///
/// In a hidden test cell being graded a failure says only ``hiddenFailure`` and where: never the values
/// compared or the label, which may name them.
enum CheckReporter {
    /// What a failed check in a hidden test cell says.
    static let hiddenFailure = "check failed"

    static func report(passed: Bool, message: @autoclosure () -> String, file: String, line: Int) -> Bool {
        let text = passed ? nil : LessonRuntime.isInHiddenTestCell ? hiddenFailure : message()
        LessonRuntime.emit(DisplayRecord(kind: .check, text: text, passed: passed, file: file, line: line))
        return passed
    }
}

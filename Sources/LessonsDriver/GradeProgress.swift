import Foundation

/// Progress of a grading run: done / total, failures so far and an estimate of the time left; a live line
/// on a terminal, one plain line per submission otherwise (CI logs).
final class GradeProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let started = Date()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var graded = 0
    private var failures = 0

    init(total: Int) { self.total = total }

    func finished(_ student: String, summary: String, failed: Bool) {
        lock.lock()
        defer { lock.unlock() }
        graded += 1
        if failed { failures += 1 }
        let elapsed = Date().timeIntervalSince(started)
        let left = graded < total ? elapsed / Double(graded) * Double(total - graded) : 0
        let status = "[\(graded)/\(total)] \(failures) failed, \(String(format: "%.0f", elapsed)) s elapsed, ~\(String(format: "%.0f", left)) s left"
        if isTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(student): \(summary)\n\(status)".utf8))
        } else {
            FileHandle.standardError.write(Data("\(status) | \(student): \(summary)\n".utf8))
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(started)
        let line = "graded \(graded) submission(s) in \(String(format: "%.1f", elapsed)) s, \(failures) could not be graded\n"
        FileHandle.standardError.write(Data(((isTerminal ? "\r\u{1B}[2K" : "") + line).utf8))
    }
}

/// A one-line message on the control pipe, from the running lesson to the runner.
///
/// Wire form: `start 3 TOKEN`, `end 3 TOKEN 0 -` (or `end 3 TOKEN 0 0.5` with partial credit),
/// `progress 3 TOKEN 12 30 epochs training PixelCNN` (unit `-` when there is none), `finish TOKEN`, each ending in a newline. `TOKEN` is a secret
/// the runner hands the runtime on a pipe that is read once and closed before any cell runs, so code in a cell
/// cannot forge events; `end` carries the number of checks that failed in the cell, so wiping the cell's display
/// file cannot hide a failure.
public enum ControlEvent: Equatable, Sendable {
    /// Cell `index` is about to run.
    case cellStarted(Int)
    /// Cell `index` ran to its end; `failedChecks` of its checks failed; `credit` is the smallest partial
    /// credit (0...1) the cell reported, if any.
    case cellFinished(Int, failedChecks: Int, credit: Double? = nil)
    /// Cell `index` reports how far its long work has come (LessonKit's `ProgressBar`); for display only.
    case progress(cell: Int, ProgressUpdate)
    /// Every cell ran; the program is about to exit normally.
    case finished

    /// The line written on the pipe, newline included.
    public func line(token: String) -> String {
        switch self {
        case .cellStarted(let index): "start \(index) \(token)\n"
        case .cellFinished(let index, let failed, let credit): "end \(index) \(token) \(failed) \(credit.map { String($0) } ?? "-")\n"
        case .progress(let index, let update):
            "progress \(index) \(token) \(update.completed) \(update.total) \(update.unit.isEmpty ? "-" : update.unit) \(update.label)\n"
        case .finished: "finish \(token)\n"
        }
    }

    /// Parses one line (without its newline); nil for anything else, including a wrong token.
    public init?(line: Substring, token: String) {
        if line.hasPrefix("progress ") {
            // Split on scalars: a label may start with a combining mark, which joins the space before it into one
            // Character.
            let parts = line.unicodeScalars.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: false)
                .map { String(String.UnicodeScalarView($0)) }
            guard parts.count >= 6, parts[2] == token, let index = Int(parts[1]), let completed = Int(parts[3]),
                let total = Int(parts[4]) else { return nil }
            self = .progress(cell: index, ProgressUpdate(
                completed: completed, total: total, label: parts.count == 7 ? parts[6] : "",
                unit: parts[5] == "-" ? "" : parts[5]))
            return
        }
        let parts = line.split(separator: " ")
        switch (parts.first, parts.count) {
        case ("finish", 2) where parts[1] == token:
            self = .finished
        case ("start", 3) where parts[2] == token:
            guard let index = Int(parts[1]) else { return nil }
            self = .cellStarted(index)
        case ("end", 5) where parts[2] == token:
            guard let index = Int(parts[1]), let failed = Int(parts[3]) else { return nil }
            self = .cellFinished(index, failedChecks: failed, credit: parts[4] == "-" ? nil : Double(parts[4]))
        default:
            return nil
        }
    }
}

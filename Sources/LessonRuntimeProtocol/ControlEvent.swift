/// A one-line message on the control pipe, from the running lesson to the runner.
///
/// Wire form: `start 3\n`, `end 3\n`, `finish\n`.
public enum ControlEvent: Equatable, Sendable {
    /// Cell `index` is about to run.
    case cellStarted(Int)
    /// Cell `index` ran to its end.
    case cellFinished(Int)
    /// Every cell ran; the program is about to exit normally.
    case finished

    /// The line written on the pipe, newline included.
    public var line: String {
        switch self {
        case .cellStarted(let index): "start \(index)\n"
        case .cellFinished(let index): "end \(index)\n"
        case .finished: "finish\n"
        }
    }

    /// Parses one line (without its newline); `nil` for anything else.
    public init?(line: Substring) {
        let parts = line.split(separator: " ")
        switch (parts.first, parts.count) {
        case ("finish", 1): self = .finished
        case ("start", 2): guard let index = Int(parts[1]) else { return nil }; self = .cellStarted(index)
        case ("end", 2): guard let index = Int(parts[1]) else { return nil }; self = .cellFinished(index)
        default: return nil
        }
    }
}

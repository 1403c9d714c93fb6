/// A trap in a checker's test cell, read from the cell's standard error: `FILE:LINE: Fatal error: MESSAGE`.
struct CheckerTrap {
    var message: String
    var file: String?
    var line: Int?

    /// The last trap in `standardError`, if there is one.
    init?(standardError: String) {
        let markers = ["Fatal error: ", "Precondition failed: ", "Assertion failed: "]
        var found: CheckerTrap?
        for line in standardError.split(separator: "\n") {
            for marker in markers {
                guard let range = line.range(of: marker) else { continue }
                let text = String(line[range.upperBound...])
                var where_ = line[..<range.lowerBound]
                if where_.hasSuffix(": ") { where_ = where_.dropLast(2) }
                let parts = where_.split(separator: ":", omittingEmptySubsequences: false)
                var trap = CheckerTrap(message: text.isEmpty ? String(marker.dropLast(2)) : text)
                if parts.count >= 2, let number = Int(parts[parts.count - 1]) {
                    trap.line = number
                    trap.file = parts.dropLast().joined(separator: ":")
                }
                found = trap
            }
        }
        guard let found else { return nil }
        self = found
    }

    private init(message: String) {
        self.message = message
    }
}

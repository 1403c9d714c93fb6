public import LessonModel

/// Whether a lesson's outputs were written for its current code, from the hashes in its output markers.
public struct Freshness: Sendable {
    /// Whether every cell and inline expression has an intact output written for its current hash.
    public let isUpToDate: Bool
    /// Whether the outputs record a failure (a failed or not-run cell).
    public let hasFailures: Bool
    /// Why the lesson is stale, for messages.
    public let reason: String
    /// The first line that needs a new output.
    public let firstStaleLine: Int

    /// Compares each cell's recorded hash with `hashes` (``Fingerprint/hashes(for:seed:inputs:root:)``), in order.
    public init(lesson: Lesson, hashes: [String], inlineHashes: [String] = []) {
        var reason = ""
        var line = 1
        for (cell, hash) in zip(lesson.cells, hashes) {
            guard let output = cell.output else {
                reason = "cell '\(cell.id)' has no output"
                line = cell.openingFenceLine
                break
            }
            if output.marker.hash != hash || output.marker.id != cell.id {
                reason = output.marker.inputs.isEmpty
                    ? "cell '\(cell.id)' or a cell before it changed"
                    : "cell '\(cell.id)', a cell before it or a file it read (\(output.marker.inputs.joined(separator: ", "))) changed"
                line = cell.openingFenceLine
                break
            }
            if !output.isIntact {
                reason = "the output of cell '\(cell.id)' was edited by hand or is damaged"
                line = output.beginLine
                break
            }
        }
        if reason.isEmpty {
            for (expression, hash) in zip(lesson.inlineExpressions, inlineHashes)
            where expression.stored?.hash != hash || expression.stored?.isIntact == false {
                reason = expression.stored == nil
                    ? "inline expression `\(expression.code)` has no value"
                    : expression.stored?.hash != hash
                        ? "inline expression `\(expression.code)` or a cell before it changed"
                        : "the value of inline expression `\(expression.code)` was edited by hand"
                line = expression.line
                break
            }
        }
        if reason.isEmpty, let orphan = lesson.orphanOutputs.first {
            reason = "an output block follows no cell"
            line = orphan.beginLine
        }
        isUpToDate = reason.isEmpty
        hasFailures = lesson.cells.contains { $0.output.map { $0.marker.status != .ok } ?? false }
        self.reason = reason
        firstStaleLine = line
    }
}

import Foundation
import LessonModel
import LessonRuntimeProtocol

extension ResultCollector {
    /// The values of the inline expressions a run reached, and the expression that stopped the program, if one
    /// did (its outcome is its failure).
    func inlineOutcomes(for expressions: [InlineExpression], run: ProgramRun.Result)
        -> (outcomes: [Int: InlineOutcome], stopper: Int?)
    {
        var outcomes: [Int: InlineOutcome] = [:]
        for expression in expressions {
            let region = ProgramAssembler.regionIndex(of: expression, in: lesson)
            guard run.events.started[region] != nil else { continue }
            let location = lesson.location(line: expression.line, column: expression.codeColumn)
            if run.events.finished[region] != nil {
                let text = texts(ofRegion: region).last ?? ""
                outcomes[expression.index] = .value(text)
                continue
            }
            outcomes[expression.index] = .failed(
                message: stopMessage(expression, region: region, run: run), location: location)
            return (outcomes, expression.index)
        }
        return (outcomes, nil)
    }

    private func texts(ofRegion region: Int) -> [String] {
        let path = directory + "/" + CellFileNames.displays(cell: region)
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A)
            .compactMap { try? decoder.decode(DisplayRecord.self, from: Data($0)) }
            .filter { $0.kind == .text }
            .compactMap(\.text)
    }

    /// Why the program stopped inside an inline expression, with the runtime's own message when it printed one.
    private func stopMessage(_ expression: InlineExpression, region: Int, run: ProgramRun.Result) -> String {
        let name = "inline expression `\(expression.code)`"
        if let timedOut = run.timedOut, timedOut.cell == region {
            return "\(name) timed out after \(Int(timedOut.seconds)) s and was stopped"
        }
        let standardError = CapturedStream(
            path: directory + "/" + CellFileNames.standardError(cell: region), limit: limits.shownOutputBytes)
        let report = CrashReport(
            standardError: lessonLines(in: String(decoding: standardError.bytes, as: UTF8.self)), lessonFile: ProgramAssembler.fileName(for: lesson),
            programFile: directory + "/main.swift", isLessonLine: { $0 == expression.line })
        switch run.termination {
        case .exited(let code): return "\(name) ended the program with exit(\(code))"
        case .signaled(let signal):
            if let trap = report.trapMessage, signal == SIGILL || signal == SIGTRAP { return "\(name) crashed: \(trap)" }
            return signalMessage(signal, subject: name, function: report.function)
        }
    }
}

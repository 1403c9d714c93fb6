import LessonModel
import TestSupport

/// Fake cell outputs of arbitrary bytes (carriage returns, NUL, ESC, fences, marker look-alikes, repaired invalid
/// UTF-8), derived from the cell's source so that the same cell always gets the same output.
enum HostileOutput {
    static func output(for cell: CodeCell) -> CellOutput {
        var seed: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in cell.source.utf8 { seed = (seed ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var random = TestRandom(seed: seed)
        func text() -> String {
            let bytes = HostileMarkdownGenerator.hostileBytes(&random, count: Int.random(in: 0...20, using: &random), invalidUTF8: true)
            return String(decoding: bytes, as: UTF8.self)
        }
        var items: [OutputItem] = []
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            switch Int.random(in: 0..<6, using: &random) {
            case 0, 1: items.append(.standardOutput(text()))
            case 2: items.append(.standardError(text()))
            case 3: items.append(.error(text()))
            case 4: items.append(.table(columns: [text()], rows: [[text()], [text()]]))
            default: items.append(.figure(svg: "<svg/>", caption: text()))
            }
        }
        let outcome: CellOutcome = random.chance(0.2)
            ? .failed(message: text(), location: SourceLocation(file: "x", line: 1), isFatal: false) : .succeeded
        return CellOutput(outcome: outcome, items: items)
    }
}

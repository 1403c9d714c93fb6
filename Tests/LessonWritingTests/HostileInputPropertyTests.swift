import LessonModel
import Testing
import TestSupport

/// Issue 15, "done when": over 10,000 generated files of arbitrary bytes (any line endings, NUL, ESC, a byte order
/// mark, invalid UTF-8, fences in quotes and lists, marker look-alikes) with cell outputs of arbitrary bytes,
/// nothing traps and parse -> splice -> parse -> clear keeps its invariants:
/// `clear(run(x)) == clear(x)`, `run(run(x)) == run(x)`, `run(clear(run(x))) == run(x)`.
@Suite struct HostileInputPropertyTests {
    let generator = HostileMarkdownGenerator()

    private func run(_ bytes: [UInt8]) -> [UInt8] { FakeRun.run(bytes, outputs: HostileOutput.output(for:)) }

    @Test func runAndClearKeepTheirInvariantsOnAnyBytes() {
        var parsed = 0
        var withCells = 0
        var failures = 0
        for seed in UInt64(0)..<10_000 where failures < 10 {
            let original = generator.document(seed: seed)
            // Counted on every fifth file (one parse fewer for the others keeps the test under a minute).
            if seed % 5 == 0, let lesson = FakeRun.parse(original) {
                parsed += 1
                if !lesson.cells.isEmpty { withCells += 1 }
            }
            let ran = run(original)
            let clearedRun = FakeRun.clear(ran)
            var ok = true
            if clearedRun != FakeRun.clear(original) { ok = false; Issue.record("clear(run(x)) != clear(x), seed \(seed)") }
            if run(ran) != ran { ok = false; Issue.record("run(run(x)) != run(x), seed \(seed)") }
            if run(clearedRun) != ran { ok = false; Issue.record("run(clear(run(x))) != run(x), seed \(seed)") }
            if !ok { failures += 1 }
        }
        // The properties mean something only if most files are lessons with cells.
        #expect(parsed > 1_200, "only \(parsed) of 2,000 sampled files parsed")
        #expect(withCells > 1_000, "only \(withCells) of 2,000 sampled files have cells")
    }

    @Test func writtenOutputsReadBackAsValidUTF8WithTheirBlocks() {
        for seed in UInt64(0)..<1_000 {
            let original = generator.document(seed: seed)
            guard FakeRun.parse(original) != nil else { continue }
            let ran = run(original)
            guard let lesson = FakeRun.parse(ran) else {
                Issue.record("run(x) does not parse, seed \(seed)")
                continue
            }
            #expect(lesson.cells.allSatisfy { $0.output != nil }, "seed \(seed)")
            #expect(lesson.orphanOutputs.isEmpty, "seed \(seed)")
        }
    }
}

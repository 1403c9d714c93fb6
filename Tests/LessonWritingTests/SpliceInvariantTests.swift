import LessonModel
import PropertyBased
import Testing
import TestSupport

/// The invariants that make `lessons run` safe on an author's text, over thousands of generated documents.
@Suite struct SpliceInvariantTests {
    let generator = MarkdownDocumentGenerator()

    @Test func generatedDocumentsParse() {
        for seed in UInt64(0)..<200 {
            let bytes = Array(generator.document(seed: seed).utf8)
            #expect(FakeRun.parse(bytes) != nil, "seed \(seed) did not parse")
        }
    }

    @Test func clearUndoesRun() async {
        await propertyCheck(count: 1500, input: Gen.uint64()) { seed in
            let original = Array(generator.document(seed: seed).utf8)
            #expect(FakeRun.parse(original) != nil, "seed \(seed) must parse for the property to mean anything")
            let ran = FakeRun.run(original)
            #expect(FakeRun.clear(ran) == FakeRun.clear(original), "seed \(seed)")
            #expect(FakeRun.clear(original) == original, "a document without outputs must not change (seed \(seed))")
        }
    }

    @Test func runIsIdempotent() async {
        await propertyCheck(count: 1500, input: Gen.uint64()) { seed in
            let ran = FakeRun.run(Array(generator.document(seed: seed).utf8))
            #expect(FakeRun.run(ran) == ran, "seed \(seed)")
        }
    }

    @Test func clearIsIdempotent() async {
        await propertyCheck(count: 1000, input: Gen.uint64()) { seed in
            let cleared = FakeRun.clear(FakeRun.run(Array(generator.document(seed: seed).utf8)))
            #expect(FakeRun.clear(cleared) == cleared, "seed \(seed)")
        }
    }

    @Test func runFindsItsOwnBlocks() async {
        await propertyCheck(count: 500, input: Gen.uint64()) { seed in
            let ran = FakeRun.run(Array(generator.document(seed: seed).utf8))
            guard let lesson = FakeRun.parse(ran) else {
                Issue.record("run output does not parse (seed \(seed))")
                return
            }
            #expect(lesson.cells.allSatisfy { $0.output != nil }, "seed \(seed)")
            #expect(lesson.orphanOutputs.isEmpty, "seed \(seed)")
        }
    }
}

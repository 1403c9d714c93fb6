import LessonExecution
import LessonFingerprint
import LessonModel
import LessonParsing
import Testing

@Suite struct FingerprintTests {
    func hashes(_ cells: [String], lessonKit: String = "kit", toolchain: String = "swift 6.3.1", seed: UInt64 = 1) throws -> [String] {
        let text = "---\ntitle: T\n---\n" + cells.map { "\n```{swift}\n\($0)\n```\n" }.joined()
        let lesson = try #require(LessonParser.parse(Array(text.utf8), displayPath: "Lessons/t.md").0)
        return Fingerprint(toolchainVersion: toolchain, lessonKit: lessonKit).cellHashes(for: lesson, seed: seed)
    }

    @Test func aChangedCellChangesItsHashAndEveryLaterOne() throws {
        let base = try hashes(["let a = 1", "let b = 2", "let c = 3"])
        let changed = try hashes(["let a = 1", "let b = 20", "let c = 3"])
        #expect(base[0] == changed[0])
        #expect(base[1] != changed[1])
        #expect(base[2] != changed[2])
    }

    @Test func lessonKitToolchainAndSeedAreInputs() throws {
        let base = try hashes(["let a = 1"])
        #expect(try hashes(["let a = 1"], lessonKit: "other") != base)
        #expect(try hashes(["let a = 1"], toolchain: "swift 6.4") != base)
        #expect(try hashes(["let a = 1"], seed: 2) != base)
        #expect(try hashes(["let a = 1"]) == base)
    }

    @Test func seedComesFromFrontMatterOrTheFileName() throws {
        let explicit = try #require(LessonParser.parse(Array("---\ntitle: T\nseed: 42\n---\n".utf8), displayPath: "Lessons/a.md").0)
        #expect(Fingerprint.seed(for: explicit) == 42)
        let a = try #require(LessonParser.parse(Array("---\ntitle: T\n---\n".utf8), displayPath: "Lessons/a.md").0)
        let b = try #require(LessonParser.parse(Array("---\ntitle: T\n---\n".utf8), displayPath: "Lessons/b.md").0)
        #expect(Fingerprint.seed(for: a) != Fingerprint.seed(for: b))
        #expect(Fingerprint.seed(for: a) == Fingerprint.seed(for: a))
    }
}

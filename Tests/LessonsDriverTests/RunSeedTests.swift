import Foundation
import Testing
import TestSupport

/// Issue 23: `lessons run --seed N` runs a lesson with `SeededGenerator()` seeded by N instead of its `seed:`,
/// reports every failed check at its line, and writes nothing (neither the lesson nor its figures).
@Suite(.serialized) struct RunSeedTests {
    /// The seed reaches the runtime (the first check), a draw of the generator (the second), and every failed
    /// check is reported, not only the cell's first.
    let lesson = """
        ---
        title: Seeds
        seed: 5
        ---

        ```{swift}
        //| caption: A figure the seed run must not write
        var random = SeededGenerator()
        let draw = random.next()
        var reference = SeededGenerator(seed: 5)
        LessonKit.checkEqual(LessonRuntime.seed, 5, "the lesson's own seed")
        LessonKit.checkEqual(draw, reference.next(), "a draw under seed 5")
        print("seed", LessonRuntime.seed)
        show(SVGImage(source: "<svg xmlns=\\"http://www.w3.org/2000/svg\\"/>"))
        ```

        """

    @Test func seedReachesTheRuntimeAndNothingIsWritten() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-seeds.md", lesson)
        let lessons = LessonsCommandRunner(project: project)
        let figures = project.root.appendingPathComponent("Lessons/figures")

        let other = try lessons.run(["run", "--check", "--seed", "9", "01-seeds.md"])
        #expect(other.status == 1, "\(other.standardError)")
        #expect(other.standardError.contains("Lessons/01-seeds.md:11:"), "the first failed check, at its line: \(other.standardError)")
        #expect(other.standardError.contains("Lessons/01-seeds.md:12:"), "the second failed check too: \(other.standardError)")
        #expect(other.standardError.contains("under seed 9 (nothing written)"))
        #expect(try project.read("01-seeds.md") == lesson, "a run under another seed writes nothing")
        #expect(!FileManager.default.fileExists(atPath: figures.path), "nor figures")

        let own = try lessons.run(["run", "--seed", "5", "01-seeds.md"])
        #expect(own.status == 0, "\(own.standardError)")
        #expect(try project.read("01-seeds.md") == lesson)

        // Its own run writes the outputs; a seed run afterwards runs again (the outputs are not for its seed), and
        // --check does not turn it into a freshness check.
        #expect(try lessons.run(["run", "01-seeds.md"]).status == 0)
        let written = try project.read("01-seeds.md")
        #expect(written.contains("seed 5"))
        let again = try lessons.run(["run", "--check", "--seed", "9", "01-seeds.md"])
        #expect(again.status == 1 && again.standardError.contains("FAILED"), "\(again.standardError)")
        #expect(try project.read("01-seeds.md") == written)
    }
}

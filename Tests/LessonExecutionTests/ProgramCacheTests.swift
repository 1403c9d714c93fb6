import Foundation
import LessonExecution
import LessonModel
import LessonParsing
import PropertyBased
import Testing
import TestSupport

/// `lessons run` keeps compiled programs: the same cells run again without compiling, even when outputs and prose
/// moved them, and every location the run reports is still the lesson's own line. A damaged entry, another
/// LessonKit or other compiler flags compile again.
@Suite(.serialized) struct ProgramCacheTests {
    /// Four cells: a function that traps, a failing check, the call that traps (in the first cell's line), and a cell
    /// that does not compile (so the program is compiled twice). `padding` puts prose (and output-like blocks) of that many lines before each cell.
    static func lesson(padding: [Int]) -> String {
        func prose(_ lines: Int) -> String {
            lines == 0 ? "\n" : "\n" + (0..<lines).map { $0 % 5 == 4 ? "```output\nold \($0)\n```" : "Prose line \($0)." }
                .joined(separator: "\n") + "\n\n"
        }
        return prose(padding[0]) + """
            ```{swift}
            //| id: defs
            func third(_ xs: [Int]) -> Int {
                return xs[2] // TRAP
            }
            print("defined")
            ```
            """ + prose(padding[1]) + """
            ```{swift}
            //| id: checks
            check(1.0, approximatelyEquals: 2.0) // CHECK
            print("after the check")
            ```
            """ + prose(padding[2]) + """
            ```{swift}
            //| id: call
            print(third([1])) // CALL
            ```
            """ + prose(padding[3]) + """
            ```{swift}
            //| id: broken
            let notANumber: Int = "no" // COMPILE
            ```

            """
    }

    /// The lesson line (as the harness numbers it, after its four lines of front matter) holding `marker`.
    static func line(of marker: String, in body: String) -> Int {
        let lines = ("---\ntitle: T\nseed: 1\n---\n" + body).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.contains(marker) }! + 1
    }

    /// Each cell's outcome, with the locations the lesson's markers say it must have.
    static func expectLocations(_ outputs: [CellOutput], body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let check = outputs[1].failure, call = outputs[2].failure, broken = outputs[3].failure
        #expect(outputs[0].failure == nil && outputs[0].standardOutput == "defined\n", sourceLocation: sourceLocation)
        #expect(check?.location.hasPrefix("Lessons/t.md:\(line(of: "// CHECK", in: body)):") == true, "\(String(describing: check))",
            sourceLocation: sourceLocation)
        #expect(outputs[1].standardOutput == "after the check\n", sourceLocation: sourceLocation)
        #expect(broken?.location.hasPrefix("Lessons/t.md:\(line(of: "// COMPILE", in: body)):") == true,
            "\(String(describing: broken))", sourceLocation: sourceLocation)
        #expect(outputs[3].errors.joined().contains("Lessons/t.md:\(line(of: "// COMPILE", in: body)):"),
            "the compiler's own text names the lesson line: \(outputs[2].errors)", sourceLocation: sourceLocation)
        #expect(call?.message.contains("Index out of range") == true, sourceLocation: sourceLocation)
        #expect(call?.location.hasPrefix("Lessons/t.md:\(line(of: "// TRAP", in: body)):") == true,
            "the trap is in the function's cell, not the calling one: \(String(describing: call))",
            sourceLocation: sourceLocation)
        let texts = outputs.flatMap(\.errors).joined()
        #expect(!texts.contains(":100000"), "no program line escapes: \(texts)", sourceLocation: sourceLocation)
    }

    static func freshCache() -> ProgramCache {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("programs-\(UUID().uuidString)").path
        return ProgramCache(folder: folder, salt: "test")
    }

    /// Runs `test` with a harness whose program cache is a fresh folder, removed afterwards.
    static func withCachedHarness(_ test: (inout ExecutionHarness, ProgramCache) async throws -> Void) async throws {
        var harness = ExecutionHarness()
        let cache = freshCache()
        harness.programCache = cache
        defer { try? FileManager.default.removeItem(atPath: cache.folder) }
        try await test(&harness, cache)
    }

    @Test func movedCellsRunTheProgramCompiledBeforeAndReportTheirOwnLines() async throws {
        try await Self.withCachedHarness { harness, _ in
        let first = Self.lesson(padding: [0, 0, 0, 0])
        let (_, compiled) = try harness.execute(first)
        #expect(compiled.programsFromCache == 0)
        Self.expectLocations(compiled.cells, body: first)
        // Generated layouts: the same cells under other prose and outputs, as writing outputs or editing prose
        // leaves them.
        await propertyCheck(count: 4, input: Gen.int(in: 0...40).array(of: 4)) { padding in
            let body = Self.lesson(padding: padding)
            let (_, result) = try harness.execute(body)
            #expect(result.programsFromCache == 1, "the cells did not change: no compile")
            Self.expectLocations(result.cells, body: body)
        }
        }
    }

    @Test func aDamagedEntryIsCompiledAgainAndReplaced() async throws {
        try await Self.withCachedHarness { harness, cache in
        let body = "\n```{swift}\nprint(6 * 7)\n```\n"
        let (_, first) = try harness.execute(body)
        #expect(first.programsFromCache == 0 && first.cells[0].standardOutput == "42\n")
        let entry = cache.folder + "/" + (try #require(FileManager.default.contentsOfDirectory(atPath: cache.folder).first))
        let stored = try #require(FileManager.default.contents(atPath: entry))
        // A torn write, and one flipped byte in the program.
        var flipped = stored
        flipped[stored.count - 100] ^= 0x01
        for damaged in [stored.prefix(stored.count / 2), flipped] {
            try damaged.write(to: URL(fileURLWithPath: entry))
            let (_, again) = try harness.execute(body)
            #expect(again.programsFromCache == 0, "a damaged entry is never run")
            #expect(again.cells[0].standardOutput == "42\n")
            let (_, reused) = try harness.execute(body)
            #expect(reused.programsFromCache == 1 && reused.cells[0].standardOutput == "42\n", "the entry was written again")
        }
        }
    }

    @Test func anotherLessonKitOrOtherFlagsCompileAgain() async throws {
        try await Self.withCachedHarness { (harness: inout ExecutionHarness, cache: ProgramCache) throws in
        let body = "\n```{swift}\nprint(\"flags\")\n```\n"
        #expect(try harness.execute(body).1.programsFromCache == 0)
        #expect(try harness.execute(body).1.programsFromCache == 1)
        harness.programCache = ProgramCache(folder: cache.folder, salt: "another LessonKit")
        #expect(try harness.execute(body).1.programsFromCache == 0)
        harness.programCache = cache
        harness.optimize = true
        #expect(try harness.execute(body).1.programsFromCache == 0)
        #expect(try harness.execute(body).1.programsFromCache == 1)
        }
    }

    @Test func aCacheThatCannotBeWrittenOnlyCostsTheCompile() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("programs-file-\(UUID().uuidString)").path
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: blocker))
        defer { try? FileManager.default.removeItem(atPath: blocker) }
        var harness = ExecutionHarness()
        harness.programCache = ProgramCache(folder: blocker + "/programs", salt: "test")
        for _ in 0..<2 {
            let (_, result) = try harness.execute("\n```{swift}\nprint(\"ran\")\n```\n")
            #expect(result.programsFromCache == 0 && result.cells[0].standardOutput == "ran\n")
        }
    }

    @Test func aLessonThatNamesItsOwnLinesKeepsThemAndIsNotCached() async throws {
        try await Self.withCachedHarness { harness, cache in
        let body = "\n```{swift}\nprint(#line)\n```\n"
        for _ in 0..<2 {
            let (_, result) = try harness.execute(body)
            #expect(result.cells[0].standardOutput == "\(Self.line(of: "print(#line)", in: body))\n")
            #expect(result.programsFromCache == 0)
        }
        }
    }

    /// A program compiled once to run many times (grading's checker, also for a lesson without test cells) reports
    /// the lesson's own lines: its runs have no line map to read other numbers with.
    @Test func aProgramCompiledToRunManyTimesReportsLessonLines() throws {
        let body = Self.lesson(padding: [3, 5, 2, 4])
        var harness = ExecutionHarness()
        harness.programCache = Self.freshCache()
        defer { try? FileManager.default.removeItem(atPath: harness.programCache!.folder) }
        let lesson = try harness.lesson(body)
        let executor = try harness.executor()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compiled-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let program = try executor.compile(lesson, into: folder)
        let result = try executor.execute(lesson, seed: 1, program: program)
        let check = try #require(result.cells[1].failure)
        #expect(check.location.hasPrefix("Lessons/t.md:\(Self.line(of: "// CHECK", in: body)):"), "\(check)")
        let call = try #require(result.cells[2].failure)
        #expect(call.location.hasPrefix("Lessons/t.md:\(Self.line(of: "// TRAP", in: body)):"), "\(call)")
    }
}


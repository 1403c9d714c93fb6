import Foundation
import Testing
import TestSupport

/// Locations stored in outputs are those of the file as written, so running a cleared lesson gives back the
/// lesson byte for byte: run(clear(x)) == run(x) == x.
@Suite(.serialized) struct ReproducibleLocationTests {
    /// Outputs of varying length above failing cells, whose errors name lines in three ways: a compiler error, a
    /// trap found in the backtrace, and a `fatalError` that prints its own line.
    let lesson = """
        ---
        title: Where
        ---

        ```{swift}
        print("one\\ntwo\\nthree\\nfour\\nfive")
        ```

        ```{swift}
        //| id: typo
        //| error: true
        let wrong: Int = "text"
        ```

        ```{swift}
        //| id: bounds
        //| error: true
        let xs = [1, 2]
        print(xs[xs.count])
        ```

        ```{swift}
        //| id: fatal
        //| error: true
        print("a\\nb")
        fatalError("stop here")
        ```

        """

    @Test func runningAClearedLessonGivesItBackByteForByte() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("where.md", lesson)
        let lessons = LessonsCommandRunner(project: project)

        let first = try lessons.run(["run", "where.md"])
        #expect(first.status == 0, "\(first.standardError)")
        let ran = try project.read("where.md")
        // Each stored location is a line of the file as written.
        var named: [Int: String] = [:]
        for match in ran.matches(of: /Lessons\/where\.md:(\d+):/) { named[Int(match.1)!] = "" }
        #expect(named.count >= 3, "\(ran)")
        let lines = ran.components(separatedBy: "\n")
        for number in named.keys {
            let line = lines[number - 1]
            #expect(line.contains("let wrong") || line.contains("xs[xs.count]") || line.contains("fatalError"),
                "line \(number) is \(line)")
        }

        try lessons.run(["run", "--force", "where.md"])
        #expect(try project.read("where.md") == ran, "run(x) == x")
        try lessons.run(["clear", "where.md"])
        #expect(try project.read("where.md") == lesson)
        try lessons.run(["run", "where.md"])
        #expect(try project.read("where.md") == ran, "run(clear(x)) == x")
    }
}

import Foundation
import Testing
import TestSupport

/// Any valid file name works as a lesson: spaces, quotes, backslashes, non-ASCII letters, a leading dash, shell
/// and Swift string characters, control characters (a newline). Its cells run, and its errors name the file as it is.
@Suite(.serialized) struct FileNameTests {
    static let fixed = [
        "m31-ü.md", "a b.md", "-dash.md", "q\"uote's.md", "back\\slash.md", "名前 ünï.md", "$(x)`y`;&.md", "new\nline.md",
        "tab\there.md",
    ]

    /// Names made of letters from several scripts, punctuation and spaces, from a fixed seed.
    static func generated(count: Int) -> [String] {
        let pool = Array("aZ09-_ .,'\"\\$`#%&()[]{};:!?@=+~^üéßøñçЖж名前αβ🙂\u{301}")
        var random = TestRandom(seed: 15)
        return (0..<count).map { index in
            let length = Int.random(in: 1...12, using: &random)
            return "g\(index)" + String((0..<length).map { _ in random.pick(pool) }) + ".md"
        }
    }

    @Test(arguments: fixed + generated(count: 8))
    func lessonWithThisNameRuns(_ name: String) throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write(name, """
            ---
            title: Named
            ---

            ```{swift}
            print("ran")
            ```

            ```{swift}
            //| error: true
            let wrong: Int = "text"
            ```

            ```{swift}
            //| error: true
            fatalError("stop")
            ```

            """)
        let lessons = LessonsCommandRunner(project: project)
        let result = try lessons.run(["run", "--all"])
        #expect(result.status == 0, "\(name): \(result.standardError)")
        let text = try project.read(name)
        #expect(text.contains("```output\nran\n```"), "\(name): \(text)")
        let lines = text.components(separatedBy: "\n")
        let wrong = try #require(lines.firstIndex { $0.hasPrefix("let wrong") }) + 1
        let fatal = try #require(lines.firstIndex { $0.hasPrefix("fatalError") }) + 1
        #expect(text.contains("Lessons/\(name):\(wrong):18: error: cannot convert value"), "\(name): \(text)")
        #expect(text.contains("Lessons/\(name):\(fatal):"), "\(name): \(text)")
        #expect(!text.contains("compiler failed") && !text.contains("Backtrac"), "\(name): \(text)")
        #expect(try lessons.run(["run", "--all", "--check"]).status == 0)
    }
}

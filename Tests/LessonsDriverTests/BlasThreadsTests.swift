import Foundation
import Testing
import TestSupport

/// Lesson programs use one OpenBLAS thread unless the user set `OPENBLAS_NUM_THREADS`: its helper threads spin for
/// a core, and beside other work they made a PixelCNN epoch five times slower.
@Suite struct BlasThreadsTests {
    let lesson = """
        ---
        title: Threads
        ---

        ```{swift}
        import Foundation
        print("threads", ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] ?? "unset")
        ```

        """

    @Test(arguments: [(nil, "1"), ("2", "2"), ("4", "4")] as [(String?, String)])
    func aLessonProgramGetsOneBLASThreadUnlessTheUserSetIt(set: String?, seen: String) throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-threads.md", lesson)
        let lessons = LessonsCommandRunner(project: project)
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = set
        let run = try lessons.run(["run", "01-threads.md"], replacingEnvironment: environment)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try project.read("01-threads.md").contains("```output\nthreads \(seen)\n```"))
    }
}

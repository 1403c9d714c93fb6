import Foundation
import Testing
import TestSupport

/// What a student gets from `lessons release`: the copy, every figure it shows, and a README that says how to start.
@Suite(.serialized) struct ReleaseForStudentsTests {
    static let lesson = """
        ---
        title: Figures
        ---

        ```{swift}
        //| id: picture
        //| caption: A square
        show(SVGImage(source: "<svg xmlns=\\"http://www.w3.org/2000/svg\\"/>"))
        ```

        ```{swift}
        //| id: data
        import Foundation
        LessonRuntime.recordInput("Assets/data/rows.csv")
        let rows = try! String(contentsOfFile: "Assets/data/rows.csv", encoding: .utf8).split(separator: "\\n").count
        print(rows, "rows")
        ```

        ```{swift}
        //| exercise: double
        func double(_ x: Int) -> Int {
            // BEGIN SOLUTION
            2 * x
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: double
        //| points: 1
        Swift.precondition(double(2) == 4)
        ```

        ```{swift}
        //| id: oops
        //| error: true
        let xs = [1]
        print(xs[3])
        ```

        """

    @Test func theReleaseHoldsTheFiguresItShowsAndAReadmeForStudents() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("figures.md", Self.lesson)
        try Self.writeData(in: project)
        let lessons = LessonsCommandRunner(project: project)
        let run = try lessons.run(["run", "figures.md"])
        #expect(run.status == 0, "\(run.standardError)")
        let release = try lessons.run(["release", "figures.md", "--out", "released"])
        #expect(release.status == 0, "\(release.standardError)")
        let folder = project.root.appendingPathComponent("released")
        let copy = try String(contentsOf: folder.appendingPathComponent("figures.md"), encoding: .utf8)
        #expect(copy.contains("](figures/figures/picture-1.svg)"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("figures/figures/picture-1.svg").path))
        // The data the lesson read, with its credit.
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("Assets/data/rows.csv").path) == Data("a\nb\n".utf8))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Assets/data/README.md").path))
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("cp -R Assets my-work/"), "\(readme)")
        for part in ["## Install", "## Where to put the files", "cp figures.md my-work/Lessons/", "cp -R figures my-work/Lessons/",
                     "lessons run figures.md", "lessons test figures.md --exercise double", "## Hand it in", "`double`"] {
            #expect(readme.contains(part), "README lacks \(part):\n\(readme)")
        }
        // The trap kept in the copy names the copy's line (the stub is a line shorter than the solution).
        let trapLine = try #require(copy.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0 == "print(xs[3])" }) + 1
        #expect(copy.contains("Lessons/figures.md:\(trapLine):"), "\(copy)")
    }

    /// `Assets/data/rows.csv` (two rows) and its credit.
    static func writeData(in project: TemporaryProject) throws {
        let data = project.root.appendingPathComponent("Assets/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("a\nb\n".utf8).write(to: data.appendingPathComponent("rows.csv"))
        try Data("Two rows, made for this test.\n".utf8).write(to: data.appendingPathComponent("README.md"))
    }

    @Test func theInstructorsLessonKeepsGoingWhenAsked() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("going.md", """
            ---
            title: Going
            ---

            ```{swift}
            let broken: [Int] = []
            print(broken[1])
            ```

            ```{swift}
            print("still here")
            ```

            """)
        let lessons = LessonsCommandRunner(project: project)
        let stopping = try lessons.run(["run", "going.md"])
        #expect(stopping.status == 1)
        #expect(!(try project.read("going.md")).contains("still here\n```"))
        let going = try lessons.run(["run", "--force", "--keep-going", "going.md"])
        #expect(going.status == 1, "the broken cell still fails the run")
        #expect(try project.read("going.md").contains("```output\nstill here\n```"), "\(going.standardError)")
    }
    @Test func checkWarnsAboutAnErrorCellBeforeTheTests() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        // The lesson above, with its `error: true` cell moved before the exercise.
        let cells = Self.lesson.components(separatedBy: "```{swift}\n")
        try project.write("early.md", cells[0] + "```{swift}\n" + cells[5] + "```{swift}\n" + cells[1...4].joined(separator: "```{swift}\n"))
        let early = try LessonsCommandRunner(project: project).run(["check", "early.md"])
        let text = early.standardOutput + early.standardError
        #expect(text.contains("Lessons/early.md:5:1: warning: cell 'oops' is marked `error: true` but comes before exercise or test cells"), "\(text)")
        try project.write("late.md", Self.lesson)
        let late = try LessonsCommandRunner(project: project).run(["check", "late.md"])
        #expect(!(late.standardOutput + late.standardError).contains("warning"))
    }
    @Test func theSiteHasAGuideForStudentsLinkedFromLessonsWithExercises() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("figures.md", Self.lesson)
        try project.write("plain.md", "---\ntitle: Plain\n---\n\nNo exercises here.\n")
        try Self.writeData(in: project)
        let lessons = LessonsCommandRunner(project: project)
        #expect(try lessons.run(["run", "--all"]).status == 0)
        let build = try lessons.run(["build"])
        #expect(build.status == 0, "\(build.standardError)")
        let site = project.root.appendingPathComponent("site")
        let guide = try String(contentsOf: site.appendingPathComponent("how-exercises-work.html"), encoding: .utf8)
        for part in ["How exercises work", "lessons test", "Hidden tests", "Hand it in"] {
            #expect(guide.contains(part), "the guide lacks \(part)")
        }
        let page = try String(contentsOf: site.appendingPathComponent("figures.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "href=\"how-exercises-work.html\">How exercises work</a>").count == 3,
            "one link in the outline, one at the first exercise")
        let plain = try String(contentsOf: site.appendingPathComponent("plain.html"), encoding: .utf8)
        #expect(!plain.contains("class=\"guide\""))
    }
}

import ArgumentParser
import Foundation
import LessonsDriver

/// The lessons a command works on: files, folders, bare names in `Lessons/`, or `--all`.
struct LessonSelection: ParsableArguments {
    @Argument(help: "Lesson files or folders; a bare name such as 04-elbo.md means Lessons/04-elbo.md.")
    var lessons: [String] = []

    @Flag(help: "Every lesson in Lessons/.")
    var all = false

    func validate() throws {
        if lessons.isEmpty && !all { throw ValidationError("name at least one lesson, or pass --all") }
        if !lessons.isEmpty && all { throw ValidationError("pass lesson names or --all, not both") }
    }

    /// The files selected, or nil after printing why some could not be found.
    func files(in layout: ProjectLayout) -> [URL]? {
        let resolver = LessonResolver(layout: layout)
        if all { return resolver.allLessons() }
        let (files, diagnostics) = resolver.resolve(lessons)
        for diagnostic in diagnostics { FileHandle.standardError.write(Data("error: \(diagnostic.message)\n".utf8)) }
        return diagnostics.isEmpty ? files : nil
    }

    /// The one lesson `name` refers to, or nil after printing why it cannot be found.
    static func single(_ name: String, in layout: ProjectLayout) -> URL? {
        let (files, problems) = LessonResolver(layout: layout).resolve([name])
        problems.forEach { FileHandle.standardError.write(Data("error: \($0.message)\n".utf8)) }
        return problems.isEmpty ? files.first : nil
    }
}

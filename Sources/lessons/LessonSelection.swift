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

    /// The files selected, or nil after printing why some could not be found, or that there is nothing to work on
    /// (a selection of no lessons is a mistake, never a success).
    func files(in layout: ProjectLayout) -> [URL]? {
        let resolver = LessonResolver(layout: layout)
        let say = { (text: String) in FileHandle.standardError.write(Data("error: \(text)\n".utf8)) }
        if all { return Self.every(in: layout) }
        let (files, diagnostics) = resolver.resolve(lessons)
        for diagnostic in diagnostics { say(diagnostic.message) }
        guard diagnostics.isEmpty else { return nil }
        if files.isEmpty { say("no lessons in \(lessons.joined(separator: ", ")): nothing to do (a lesson is a .md file)") }
        return files.isEmpty || Self.refusesClashes(files, in: layout) ? nil : files
    }

    /// Whether some of `files` have names that clash with another lesson's (printed); then the command does nothing.
    static func refusesClashes(_ files: [URL], in layout: ProjectLayout) -> Bool {
        let clashes = LessonResolver(layout: layout).nameClashes(among: files)
        clashes.forEach { FileHandle.standardError.write(Data(($0.description + "\n").utf8)) }
        return !clashes.isEmpty
    }

    /// Every lesson in `Lessons/`, or nil after printing that there is none.
    static func every(in layout: ProjectLayout) -> [URL]? {
        let files = LessonResolver(layout: layout).allLessons()
        if files.isEmpty {
            FileHandle.standardError.write(Data(
                "error: no lessons in \(layout.lessonsDirectory.path)/: nothing to do (a lesson is a .md file there)\n".utf8))
        }
        return files.isEmpty || refusesClashes(files, in: layout) ? nil : files
    }

    /// The one lesson `name` refers to, or nil after printing why it cannot be found.
    static func single(_ name: String, in layout: ProjectLayout) -> URL? {
        let (files, problems) = LessonResolver(layout: layout).resolve([name])
        problems.forEach { FileHandle.standardError.write(Data("error: \($0.message)\n".utf8)) }
        guard problems.isEmpty, !refusesClashes(files, in: layout) else { return nil }
        return files.first
    }
}

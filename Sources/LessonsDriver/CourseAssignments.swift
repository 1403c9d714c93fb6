public import Foundation
import Grading
import LessonModel
import LessonParsing

/// The lessons of a course that are assignments: those with at least one exercise cell. `grade --validate --all`
/// and `release --all` work on these, so a course's CI catches a lesson that could not be graded or released.
public enum CourseAssignments {
    /// Of `files`, those whose lessons hold an exercise (a lesson that does not parse is kept, so that the
    /// command reports its problems instead of skipping it).
    public static func select(_ files: [URL], layout: ProjectLayout) -> [URL] {
        files.filter { isAssignment($0, layout: layout) }
    }

    /// Whether any of `files` has exercises (or does not parse, as for ``select(_:layout:)``): the site adds the
    /// students' guide then. It stops at the first such lesson, and parses only files whose bytes name an
    /// `exercise` option at all (a course without exercises was parsed whole, one lesson after another, before its
    /// site was built: 6% of building 1,000 pages).
    public static func anyHasExercises(_ files: [URL], layout: ProjectLayout) -> Bool {
        let option = Array("exercise".utf8)
        return files.contains { file in
            isAssignment(file, layout: layout) { bytes in bytes.withUnsafeBufferPointer { $0.firstIndex(of: option) } != nil }
        }
    }

    /// Whether the lesson in `file` holds an exercise, or cannot be read or parsed; a lesson whose bytes fail
    /// `mayHaveExercises` has none and is not parsed.
    private static func isAssignment(
        _ file: URL, layout: ProjectLayout, mayHaveExercises: ([UInt8]) -> Bool = { _ in true }
    ) -> Bool {
        guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init) else { return true }
        guard mayHaveExercises(bytes) else { return false }
        guard let lesson = LessonParser.parse(bytes, displayPath: layout.displayPath(of: file)).0 else { return true }
        return !GradingMarkupParser.parse(lesson).0.exercises.isEmpty
    }

    /// Runs `action` on each assignment among `files`, all of them even after a failure, and returns the exit code:
    /// 1, after naming the lessons that failed, when any did. `what` says what failed ("cannot be graded").
    public static func each(_ files: [URL], layout: ProjectLayout, failing what: String, _ action: (URL) -> Int32) -> Int32 {
        let say = { (text: String) in FileHandle.standardError.write(Data((text + "\n").utf8)) }
        let assignments = select(files, layout: layout)
        if assignments.isEmpty { say("note: no lesson has exercises: nothing to do") }
        let failed = assignments.filter { action($0) != 0 }.map { layout.displayPath(of: $0) }
        guard failed.isEmpty else {
            say("error: \(failed.count) of \(assignments.count) lessons with exercises \(what): \(failed.joined(separator: ", "))")
            return 1
        }
        return 0
    }
}

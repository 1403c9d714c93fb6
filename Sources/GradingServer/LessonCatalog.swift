public import Foundation
public import Grading
import LessonParsing

/// The lessons of the graded submissions, read from the project's lesson folder when the server starts: each
/// one's exercises (with their points) and the rubric of each written answer.
public struct LessonCatalog: Sendable {
    /// One lesson's grading structure.
    public struct Entry: Sendable {
        public var exercises: [GradingMarkup.Exercise]
        /// The instructor's rubric text of each written answer, by exercise id.
        public var rubrics: [String: String]
    }

    /// By lesson name.
    public var lessons: [String: Entry] = [:]
    /// Lessons that have submissions but could not be read (they can be looked at, not graded by hand).
    public var problems: [String] = []

    /// Reads `<folder>/<lesson>.md` for each lesson.
    public init(lessons names: [String], folder: URL) {
        for name in names {
            let file = folder.appendingPathComponent(name + ".md")
            guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init),
                let lesson = LessonParser.parse(bytes, displayPath: "Lessons/\(name).md").0
            else {
                problems.append("Lessons/\(name).md: cannot be read; its written answers cannot be graded here")
                continue
            }
            let markup = GradingMarkupParser.parse(lesson).0
            lessons[name] = Entry(exercises: markup.exercises, rubrics: Rubrics.find(in: lesson, markup: markup))
        }
    }

    /// The manual exercise `exercise` of `lesson`, if there is one.
    func manualExercise(lesson: String, exercise: String) -> GradingMarkup.Exercise? {
        lessons[lesson]?.exercises.first { $0.id == exercise && $0.isManual }
    }
}

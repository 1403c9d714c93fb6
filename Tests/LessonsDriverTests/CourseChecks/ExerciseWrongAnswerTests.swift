import Foundation
import Testing

/// Issue 16, item 10: for every auto-graded exercise of the course, its hidden tests reject a set of plausible
/// wrong answers, and the instructor's solution passes under 20 different seeds (so a correct solution that
/// draws its random numbers differently is not failed by chance). One `lessons run` per exercise runs all the
/// answers (``WrongAnswerLesson``).
@Suite struct ExerciseWrongAnswerTests {
    static let seeds = 20

    /// Every exercise of the course with tests is in the table, and nothing else.
    @Test func everyGradedExerciseHasWrongAnswers() throws {
        var graded: Set<String> = []
        for name in CourseLesson.all {
            let lesson = try CourseLesson(name)
            for cell in lesson.lesson.cells { if let test = cell.options.test { graded.insert("\(name) \(test)") } }
        }
        #expect(Set(ExerciseCase.course.map(\.testDescription)) == graded)
        #expect(ExerciseCase.course.allSatisfy { $0.wrongAnswers.count >= 4 })
    }

    @Test(arguments: ExerciseCase.course)
    func hiddenTestsRejectWrongAnswersAndAcceptTheSolution(_ exercise: ExerciseCase) throws {
        let outcome = try Self.run(exercise)
        let failed = outcome.run.failedLineTexts.compactMap(WrongAnswerLesson.line(tagged:))
        #expect(failed.count == outcome.run.failedLines.count, "every failure is at a copied line: \(outcome.run.result.standardError)")
        for copy in outcome.lesson.copies {
            let inCopy = failed.filter { copy.lines.contains($0) }
            if copy.isSolution {
                #expect(inCopy.isEmpty, "the solution (\(copy.label)) failed at \(inCopy): \(outcome.run.result.standardError)")
            } else {
                #expect(inCopy.contains { copy.hiddenLines.contains($0) },
                    "the hidden tests of \(exercise.exercise) accept a wrong answer: \(copy.label) (failed at \(inCopy))\n\(outcome.run.result.standardError)")
            }
        }
        // Item 6 for test cells: every check of the exercise's tests fails for at least one wrong answer.
        let course = try CourseLesson(exercise.lesson)
        let testChecks = Set(course.lesson.cells.filter { $0.options.test == exercise.exercise }
            .flatMap { cell in course.body(of: cell).filter { CourseLesson.startsCheck($0.text) }.map(\.line) })
        var failedChecks: Set<Int> = []
        for copy in outcome.lesson.copies where !copy.isSolution {
            for line in failed { if let original = copy.testLines[line] { failedChecks.insert(original) } }
        }
        #expect(testChecks.subtracting(failedChecks).isEmpty,
            "checks no wrong answer fails (\(exercise.lesson) lines): \(testChecks.subtracting(failedChecks).sorted())")
        print("\(exercise.testDescription): \(outcome.lesson.copies.count) answers in one run, \(String(format: "%.1f", outcome.run.seconds)) s")
    }

    /// The generated lesson and its run.
    static func run(_ exercise: ExerciseCase) throws -> (lesson: WrongAnswerLesson, run: ScratchRun) {
        let lesson = try WrongAnswerLesson(exercise, lesson: CourseLesson(exercise.lesson), seeds: seeds)
        return (lesson, try ScratchRun(lesson.text, name: "answers.md"))
    }
}

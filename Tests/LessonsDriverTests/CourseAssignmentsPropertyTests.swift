import Foundation
import LessonsDriver
import PropertyBased
import Testing
import TestSupport

/// `CourseAssignments.anyHasExercises`, which skips lessons whose bytes never say `exercise`, answers as selecting
/// the assignments among all lessons does, for generated courses of lessons that parse.
@Suite struct CourseAssignmentsPropertyTests {
    /// Pieces of a lesson: prose (once naming exercises in words), plain cells, exercises and their tests.
    static let piece = Gen.oneOf(
        Gen.always("Some prose.\n\n"), Gen.always("The exercise below is optional.\n\n"),
        Gen.always("```{swift}\nlet x = 1\n```\n\n"), Gen.always("```{swift}\n// an exercise in a comment\n```\n\n"),
        Gen.always("```{swift}\n//| exercise: square\n//| points: 1\nfunc square(_ x: Int) -> Int {\n    // BEGIN SOLUTION\n    x * x\n    // END SOLUTION\n}\n```\n\n"),
        Gen.always("```{swift}\n//| test: square\n//| points: 1\nprecondition(square(3) == 9)\n```\n\n"))

    @Test func anyHasExercisesIsWhetherAnyLessonIsAnAssignment() async throws {
        await propertyCheck(count: 60, input: Self.piece.array(of: 0...4).array(of: 1...4)) { lessons in
            guard let project = try? TemporaryProject() else { Issue.record("no project"); return }
            defer { project.remove() }
            let files = lessons.enumerated().compactMap { index, pieces in
                try? project.write(String(format: "%02d-lesson.md", index), "---\ntitle: L\(index)\n---\n\n" + pieces.joined())
            }
            let layout = ProjectLayout(root: project.root)
            #expect(CourseAssignments.anyHasExercises(files, layout: layout)
                == !CourseAssignments.select(files, layout: layout).isEmpty)
        }
    }
}

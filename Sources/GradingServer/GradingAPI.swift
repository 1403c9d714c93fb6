import Foundation
import Gradebook
import Grading
import Hummingbird
import LessonsDriver

/// The state-changing requests. Each checks its input the way `lessons grades set` does (one function,
/// ``ManualScoreRule``) and answers 400 with the reason, 409 with the current state when the answers changed
/// since the page was rendered, or 200 with what was written; nothing is written unless everything is valid.
enum GradingAPI {
    /// A reason for a 400.
    struct Refusal: Error { var message: String }

    static func grade(_ state: GradingState, _ request: Request) async -> Response {
        await answering {
            let body = try await decode(GradeBody.self, request)
            let target = try exercise(state, body.lesson, body.exercise)
            let names = try state.names()
            let students = try body.answers.map { key in
                guard let student = names.byKey[key] else { throw Refusal(message: "no answer '\(key)' in this gradebook") }
                return student
            }
            guard !students.isEmpty, students.count == body.versions.count else {
                throw Refusal(message: "each answer needs the version it was graded on (answers and versions differ in number)")
            }
            let change: ManualGradeChange
            switch body.action {
            case "points":
                change = .points(try ManualScoreRule.check(
                    text: body.value ?? "", exercise: body.exercise, lesson: body.lesson,
                    exercises: state.catalog.lessons[body.lesson]?.exercises ?? []))
            case "adjustment":
                change = .adjustment(try signedPoints(body.value ?? "", maximum: target.points, what: "the adjustment"))
            case "comment":
                let text = body.value ?? ""
                guard text.count <= 20_000 else { throw Refusal(message: "the comment is longer than 20,000 characters") }
                change = .comment(text)
            case "item":
                guard let item = body.item else { throw Refusal(message: "which rubric item? (`item` is missing)") }
                let current = try state.gradebook.manualGrades(lesson: body.lesson, exercise: body.exercise, students: students)
                change = .item(item, applied: !students.allSatisfy { current[$0]?.items.contains(item) == true })
            default:
                throw Refusal(message: "unknown action '\(body.action)' (points, adjustment, comment or item)")
            }
            do {
                let written = try state.gradebook.change(
                    change, students: students, versions: body.versions, lesson: body.lesson, exercise: body.exercise,
                    maximum: target.points, who: grader(body.grader, state))
                return Responses.json(.ok, APIAnswer(grades: written.map { json($0, names) }))
            } catch let error as ManualGradeError {
                guard case .conflict(let current) = error else { throw Refusal(message: error.description) }
                return Responses.json(.conflict, APIAnswer(error: error.description, current: current.map { json($0, names) }))
            }
        }
    }

    static func rubric(_ state: GradingState, _ request: Request) async -> Response {
        await answering {
            let body = try await decode(RubricBody.self, request)
            let target = try exercise(state, body.lesson, body.exercise)
            let points = try signedPoints(body.points, maximum: target.points, what: "a rubric item's points")
            let description = body.description.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !description.isEmpty, description.count <= 1_000 else {
                throw Refusal(message: "a rubric item needs a description (at most 1,000 characters)")
            }
            switch (body.action, body.id) {
            case ("add", _):
                let item = try state.gradebook.addRubricItem(
                    lesson: body.lesson, exercise: body.exercise, points: points, description: description)
                return Responses.json(.ok, APIAnswer(item: item.id))
            case ("update", let id?):
                do {
                    let rescored = try state.gradebook.updateRubricItem(
                        id: id, lesson: body.lesson, exercise: body.exercise, points: points, description: description,
                        maximum: target.points, who: grader(body.grader, state))
                    let names = try state.names()
                    return Responses.json(.ok, APIAnswer(grades: rescored.map { json($0, names) }, rescored: rescored.count, item: id))
                } catch let error as ManualGradeError {
                    throw Refusal(message: error.description)
                }
            default:
                throw Refusal(message: "unknown action '\(body.action)' (add, or update with an id)")
            }
        }
    }

    static func split(_ state: GradingState, _ request: Request) async -> Response {
        await answering {
            let body = try await decode(SplitBody.self, request)
            _ = try exercise(state, body.lesson, body.exercise)
            guard let student = try state.names().byKey[body.answer] else {
                throw Refusal(message: "no answer '\(body.answer)' in this gradebook")
            }
            try state.gradebook.setSplit(student: student, lesson: body.lesson, exercise: body.exercise, split: body.split)
            return Responses.json(.ok, APIAnswer())
        }
    }

    static func anonymous(_ state: GradingState, _ request: Request) async -> Response {
        await answering {
            let body = try await decode(AnonymousBody.self, request)
            try state.gradebook.setSetting("anonymous", body.on ? "on" : "off")
            return Responses.json(.ok, APIAnswer())
        }
    }

    // MARK: Helpers.

    /// Runs `body`; a refusal or a score the rule refuses is a 400 with its reason, anything else a 500.
    static func answering(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let refusal as Refusal {
            return Responses.json(.badRequest, APIAnswer(error: refusal.message))
        } catch let error as ManualScoreError {
            return Responses.json(.badRequest, APIAnswer(error: error.description))
        } catch {
            return Responses.json(.internalServerError, APIAnswer(error: "the server could not do this: \(error)"))
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        do {
            return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
        } catch {
            throw Refusal(message: "the request is not the JSON this server expects (\(T.self))")
        }
    }

    /// The manual exercise, or the same refusal `lessons grades set` gives.
    static func exercise(_ state: GradingState, _ lesson: String, _ exercise: String) throws -> GradingMarkup.Exercise {
        guard let entry = state.catalog.lessons[lesson] else {
            throw Refusal(message: "lesson '\(lesson)' is not in Lessons/ or does not parse: its answers cannot be graded here")
        }
        return try ManualScoreRule.manualExercise(exercise, lesson: lesson, exercises: entry.exercises)
    }

    /// A finite number from −maximum to maximum.
    static func signedPoints(_ text: String, maximum: Double, what: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite, abs(value) <= maximum else {
            throw Refusal(message: "\(what) must be a number from -\(PointsText.format(maximum)) to \(PointsText.format(maximum)), not '\(text)'")
        }
        return value
    }

    static func grader(_ named: String?, _ state: GradingState) -> String {
        let name = (named ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? state.grader : String(name.prefix(100))
    }

    static func json(_ grade: ManualGrade, _ names: Pseudonyms) -> GradeJSON {
        GradeJSON(answer: names.key(grade.student), points: grade.points, adjustment: grade.adjustment,
            comment: grade.comment, items: grade.items, version: grade.version)
    }
}

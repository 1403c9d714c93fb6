/// A change to the grades of the answers on the page (`POST /api/grade`). `answers` are pseudonym keys and
/// `versions` the versions the page was rendered with, in the same order.
struct GradeBody: Decodable {
    var lesson: String
    var exercise: String
    var answers: [String]
    var versions: [Int]
    /// `points`, `adjustment`, `comment` (with `value`) or `item` (with `item`: toggles it on every answer).
    var action: String
    var value: String?
    var item: Int64?
    var grader: String?
}

/// A rubric item added or changed (`POST /api/rubric`): `action` is `add` or `update` (with `id`).
struct RubricBody: Decodable {
    var lesson: String
    var exercise: String
    var action: String
    var id: Int64?
    var points: String
    var description: String
    var grader: String?
}

/// An answer split out of its group, or put back (`POST /api/split`).
struct SplitBody: Decodable {
    var lesson: String
    var exercise: String
    var answer: String
    var split: Bool
}

/// Anonymous mode on or off (`POST /api/anonymous`).
struct AnonymousBody: Decodable {
    var on: Bool
}

/// An answer's grade as the API returns it.
struct GradeJSON: Encodable {
    var answer: String
    var points: Double
    var adjustment: Double
    var comment: String
    var items: [Int64]
    var version: Int
}

/// The API's answers: the grades written, or an error with the current state (409) or the reason (400).
struct APIAnswer: Encodable {
    var error: String?
    var grades: [GradeJSON]?
    var current: [GradeJSON]?
    var rescored: Int?
    var item: Int64?
}

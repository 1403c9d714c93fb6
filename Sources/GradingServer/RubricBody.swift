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

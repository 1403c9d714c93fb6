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

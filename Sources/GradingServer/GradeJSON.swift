/// An answer's grade as the API returns it.
struct GradeJSON: Encodable {
    var answer: String
    var points: Double
    var adjustment: Double
    var comment: String
    var items: [Int64]
    var version: Int
}

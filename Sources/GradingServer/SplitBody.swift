/// An answer split out of its group, or put back (`POST /api/split`).
struct SplitBody: Decodable {
    var lesson: String
    var exercise: String
    var answer: String
    var split: Bool
}

/// The API's answers: the grades written, or an error with the current state (409) or the reason (400).
struct APIAnswer: Encodable {
    var error: String?
    var grades: [GradeJSON]?
    var current: [GradeJSON]?
    var rescored: Int?
    var item: Int64?
}

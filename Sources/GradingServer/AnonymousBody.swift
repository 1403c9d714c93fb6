/// Anonymous mode on or off (`POST /api/anonymous`).
struct AnonymousBody: Decodable {
    var on: Bool
}

/// The two secrets of one server run: the access token (in the printed URL, then an HttpOnly cookie) and the
/// CSRF token (in every page, sent back in a header with every change). Both are 256 random bits from the
/// system's secure generator, in hexadecimal.
public struct ServerSecrets: Sendable {
    /// Opens the server: `?token=` on the first visit, then the cookie.
    public let accessToken: String
    /// Must accompany every state-changing request (`X-CSRF-Token`).
    public let csrfToken: String

    /// Fresh random secrets (or a given access token, for tests and benchmarks).
    public init(accessToken: String? = nil) {
        self.accessToken = accessToken ?? Self.random()
        csrfToken = Self.random()
    }

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }

    /// Whether `candidate` equals `secret`, in time that does not depend on where they first differ.
    static func matches(_ candidate: Substring?, _ secret: String) -> Bool {
        guard let candidate else { return false }
        let a = Array(candidate.utf8), b = Array(secret.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0 as UInt8) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

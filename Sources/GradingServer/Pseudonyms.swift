import Crypto
import Foundation

/// Stable pseudonyms for anonymous grading: `anon-` and 8 hex digits of HMAC-SHA-256(key, name), with a random key
/// kept in the gradebook, so a student keeps their pseudonym across restarts and the name cannot be guessed back
/// from it. The pseudonym is also each student's key in the server's URLs and requests, anonymous or not.
struct Pseudonyms: Sendable {
    private(set) var byStudent: [String: String] = [:]
    private(set) var byKey: [String: String] = [:]

    init(students: [String], key: String) {
        let symmetric = SymmetricKey(data: Data(key.utf8))
        for student in students.sorted() {
            let mac = HMAC<SHA256>.authenticationCode(for: Data(student.utf8), using: symmetric)
            let base = "anon-" + mac.prefix(4).map { String(format: "%02x", $0) }.joined()
            var pseudonym = base, suffix = 2
            while byKey[pseudonym] != nil {
                pseudonym = "\(base)-\(suffix)"
                suffix += 1
            }
            byStudent[student] = pseudonym
            byKey[pseudonym] = student
        }
    }

    func key(_ student: String) -> String { byStudent[student] ?? "anon-unknown" }
}

import Gradebook

/// Answers to one exercise that are the same after normalising (``AnswerNormalizer``): graded together, each
/// member can be split out into a group of its own.
struct AnswerGroup: Sendable {
    var key: String
    /// Ordered by pseudonym key.
    var members: [StoredAnswer]

    /// Groups `answers`: one group per normalised answer, and one per student in `split`. Groups are ordered by
    /// size (largest first), then by their first member's pseudonym, so the order does not reveal names.
    static func make(_ answers: [StoredAnswer], split: Set<String>, keys: (String) -> String) -> [AnswerGroup] {
        var groups: [String: [StoredAnswer]] = [:]
        for answer in answers {
            let normal = AnswerNormalizer.key(answer.code)
            groups[split.contains(answer.student) ? "split \(answer.student)\u{0}\(normal)" : normal, default: []].append(answer)
        }
        return groups.map { key, members in
            AnswerGroup(key: key, members: members.sorted { keys($0.student) < keys($1.student) })
        }.sorted {
            $0.members.count != $1.members.count
                ? $0.members.count > $1.members.count : keys($0.members[0].student) < keys($1.members[0].student)
        }
    }
}

import Foundation
import Gradebook
import Grading

/// What the server knows between requests: the gradebook, the lessons, and caches of the answer groups and the
/// pseudonyms, rebuilt when `lessons grade` records something new (``Gradebook/submissionStamp()``) or a grader
/// splits an answer out of its group.
final class GradingState: @unchecked Sendable {
    let gradebook: Gradebook
    let catalog: LessonCatalog
    /// The grader named in the audit when a request names none.
    let grader: String
    /// Where the lessons are (for the feedback preview).
    let lessonsFolder: URL
    private let lock = NSLock()
    private var groupCache: [String: (stamp: String, groups: [AnswerGroup])] = [:]
    private var nameCache: (stamp: String, names: Pseudonyms)?

    init(gradebook: Gradebook, catalog: LessonCatalog, grader: String, lessonsFolder: URL) {
        self.gradebook = gradebook
        self.catalog = catalog
        self.grader = grader
        self.lessonsFolder = lessonsFolder
    }

    /// Whether names are hidden behind pseudonyms (on until a grader turns it off).
    var anonymous: Bool { (try? gradebook.setting("anonymous")) != "off" }

    /// The pseudonyms of every student in the gradebook.
    func names() throws -> Pseudonyms {
        let stamp = try gradebook.submissionStamp() + "/" + String(try gradebook.students().count)
        if let cached = lock.withLock({ nameCache }), cached.stamp == stamp { return cached.names }
        var key = try gradebook.setting("pseudonym key")
        if key == nil {
            key = ServerSecrets.random()
            try gradebook.setSetting("pseudonym key", key!)
        }
        let names = Pseudonyms(students: try gradebook.students(), key: key!)
        lock.withLock { nameCache = (stamp, names) }
        return names
    }

    /// How a student is shown: their pseudonym while anonymous, else their name.
    func shown(_ student: String, _ names: Pseudonyms) -> String { anonymous ? names.key(student) : student }

    /// The answer groups of one exercise, in the order the grader goes through them.
    func groups(lesson: String, exercise: String) throws -> [AnswerGroup] {
        let split = try gradebook.splitStudents(lesson: lesson, exercise: exercise)
        let stamp = try gradebook.submissionStamp() + "/" + split.sorted().joined(separator: "\u{0}")
        let cacheKey = lesson + "\u{0}" + exercise
        if let cached = lock.withLock({ groupCache[cacheKey] }), cached.stamp == stamp { return cached.groups }
        let names = try names()
        let groups = AnswerGroup.make(
            try gradebook.answers(lesson: lesson, exercise: exercise), split: split, keys: names.key)
        lock.withLock { groupCache[cacheKey] = (stamp, groups) }
        return groups
    }
}

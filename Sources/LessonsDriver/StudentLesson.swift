/// A student and a lesson, compared byte for byte: names that differ in any byte (`é` composed and decomposed,
/// say) are different students, as they are in the gradebook, and get rows and pages of their own. Ordered as
/// the gradebook orders them (by UTF-8 bytes).
struct StudentLesson: Hashable, Comparable {
    let student: String
    let lesson: String

    init(_ student: String, _ lesson: String) {
        self.student = student
        self.lesson = lesson
    }

    static func == (a: StudentLesson, b: StudentLesson) -> Bool {
        a.student.utf8.elementsEqual(b.student.utf8) && a.lesson.utf8.elementsEqual(b.lesson.utf8)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(Array(student.utf8))
        hasher.combine(Array(lesson.utf8))
    }

    static func < (a: StudentLesson, b: StudentLesson) -> Bool {
        a.student.utf8.elementsEqual(b.student.utf8)
            ? a.lesson.utf8.lexicographicallyPrecedes(b.lesson.utf8)
            : a.student.utf8.lexicographicallyPrecedes(b.student.utf8)
    }
}

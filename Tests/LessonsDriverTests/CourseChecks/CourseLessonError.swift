/// Why a course lesson could not be used by the course check tests.
enum CourseLessonError: Error {
    case unparsable(String, [String])
}

/// A part of the course lesson that a generated answers lesson needs is missing.
enum WrongAnswerLessonError: Error {
    case missing(String)
}

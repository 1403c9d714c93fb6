import LessonExecution

/// What `lessons --version` says about the LessonKit that cells compile against.
public enum Installation {
    /// One line: where LessonKit is and, when installed, the Swift that built it (the one cells must use).
    public static func lessonKitLine() -> String {
        do {
            let location = try LessonKitLocation.locate()
            if let builtWith = location.builtWith {
                return "LessonKit in \(location.libraryDirectory), built with \(builtWith): lessons compile with that Swift"
            }
            return "LessonKit in \(location.libraryDirectory) (a package build: lessons compile with the Swift that built it)"
        } catch {
            return "LessonKit: not found (\(error))"
        }
    }
}

import LessonsDriver

/// What `lessons --version` prints: the tool's version, the Swift toolchain that compiled it, and where LessonKit
/// is with the Swift it expects.
enum LessonsVersion {
    /// The version of `lessons`.
    static let number = "0.1.0"

    /// The Swift compiler this executable was built with, to the minor version.
    static let compiler: String = {
        #if compiler(>=6.4)
            "Swift 6.4 or later"
        #elseif compiler(>=6.3)
            "Swift 6.3"
        #elseif compiler(>=6.2)
            "Swift 6.2"
        #elseif compiler(>=6.1)
            "Swift 6.1"
        #else
            "Swift 6.0"
        #endif
    }()

    /// `lessons 0.1.0 (built with Swift 6.3)`, then a line on LessonKit (``Installation/lessonKitLine()``).
    static let text = "lessons \(number) (built with \(compiler))\n" + Installation.lessonKitLine()
}

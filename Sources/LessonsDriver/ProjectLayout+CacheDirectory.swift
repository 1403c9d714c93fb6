import Foundation
import LessonExecution

extension ProjectLayout {
    /// Where `lessons` keeps its caches (the compiler's version, compiled programs, trained models, the LessonKit
    /// reference pages): `LESSONS_CACHE_DIR` when set (a CI cache, a test); else the package's `.build/lessons-cache`
    /// when `lessons` runs from a package build (`packageRoot`); else the course's `.lessons/` (git-ignored).
    func cacheDirectory(packageRoot: URL?) -> URL {
        ProcessInfo.processInfo.environment["LESSONS_CACHE_DIR"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot?.appendingPathComponent(".build/lessons-cache")
            ?? root.appendingPathComponent(".lessons")
    }

    /// The running `lessons` executable, its links resolved.
    static var runningExecutable: URL {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
    }
}

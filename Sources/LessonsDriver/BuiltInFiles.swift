public import Foundation
import LessonExecution

/// The files that ship inside `lessons`: the site's templates and styles (`site/templates/*.mustache`,
/// `site/static/*`) and the files of a new course (`course/`, what `lessons init` writes).
///
/// They are SwiftPM resources of this module, found relative to the executable: in a package build, the resource
/// bundle next to it (`lessons_LessonsDriver.resources`); when installed, `../share/lessons` beside `bin/`; as a
/// last resort in a package checkout, the sources (`Sources/LessonsDriver/Resources`).
public enum BuiltInFiles {
    /// The installed folder, relative to the executable's folder.
    public static let installedDirectory = "../share/lessons"
    /// The resource bundle SwiftPM builds next to the executable.
    public static let bundleName = "lessons_LessonsDriver.resources"

    /// The folder holding `site/` and `course/`, or nil when `lessons` is installed without them.
    public static func locate(executable: URL? = nil) -> URL? {
        let executableURL = (executable ?? Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath()
        let directory = executableURL.deletingLastPathComponent()
        var candidates = [
            directory.appendingPathComponent(bundleName),
            directory.appendingPathComponent(installedDirectory).standardizedFileURL,
        ]
        if let packageRoot = LessonKitLocation.findPackageRoot(above: directory) {
            candidates.append(packageRoot.appendingPathComponent("Sources/LessonsDriver/Resources"))
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("course").path) }
    }

    /// The built-in site assets (`templates/`, `static/`) in `folder`, a result of ``locate(executable:)``.
    public static func siteDirectory(in folder: URL) -> URL { folder.appendingPathComponent("site") }

    /// The files of a new course in `folder`, a result of ``locate(executable:)``.
    public static func courseDirectory(in folder: URL) -> URL { folder.appendingPathComponent("course") }

    /// LessonKit's sources, for its reference pages: the package's `Sources/LessonKit` when running from a
    /// package build, else the copy installed in `../share/lessons/lessonkit-sources`.
    public static func lessonKitSources(executable: URL? = nil) -> URL? {
        let executableURL = (executable ?? Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath()
        let directory = executableURL.deletingLastPathComponent()
        var candidates: [URL] = []
        if let packageRoot = LessonKitLocation.findPackageRoot(above: directory) {
            candidates.append(packageRoot.appendingPathComponent("Sources/LessonKit"))
        }
        candidates.append(directory.appendingPathComponent(installedDirectory).appendingPathComponent("lessonkit-sources")
            .standardizedFileURL)
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }
    /// The documentation (`format.md`, `grading.md`): the package's `docs/` when running from a package build, else
    /// the copy installed in `../share/lessons/doc`.
    public static func documentation(executable: URL? = nil) -> URL? {
        let executableURL = (executable ?? Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath()
        let directory = executableURL.deletingLastPathComponent()
        var candidates: [URL] = []
        if let packageRoot = LessonKitLocation.findPackageRoot(above: directory) {
            candidates.append(packageRoot.appendingPathComponent("docs"))
        }
        candidates.append(directory.appendingPathComponent(installedDirectory).appendingPathComponent("doc").standardizedFileURL)
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("format.md").path) }
    }
}

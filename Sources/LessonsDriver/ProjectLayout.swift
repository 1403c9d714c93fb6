public import Foundation
public import LessonModel
import LessonParsing

/// Where a course lives: the project root (the folder holding `lessons.yml` and `Lessons/`) and its lessons.
public struct ProjectLayout: Sendable {
    /// The project root; display paths of lessons are relative to it.
    public let root: URL

    /// The folder of lessons, `Lessons/`.
    public var lessonsDirectory: URL { root.appendingPathComponent("Lessons") }

    /// The course settings file, `lessons.yml`.
    public var settingsFile: URL { root.appendingPathComponent(CourseSettings.fileName) }

    /// A layout rooted at `root`.
    public init(root: URL) { self.root = root.standardizedFileURL }

    /// The nearest folder at or above `directory` that has a `lessons.yml` file or a `Lessons/` folder, else
    /// `directory` itself.
    public static func discover(from directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        -> ProjectLayout
    {
        var candidate = directory.standardizedFileURL
        while true {
            var isDirectory: ObjCBool = false
            let lessons = candidate.appendingPathComponent("Lessons").path
            if FileManager.default.fileExists(atPath: lessons, isDirectory: &isDirectory), isDirectory.boolValue {
                return ProjectLayout(root: candidate)
            }
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(CourseSettings.fileName).path) {
                return ProjectLayout(root: candidate)
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return ProjectLayout(root: directory.standardizedFileURL) }
            candidate = parent
        }
    }

    /// The path of `file` as shown in diagnostics: relative to the root when inside it.
    public func displayPath(of file: URL) -> String {
        let path = file.standardizedFileURL.path
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path
    }

    /// The references file, `Lessons/references.yml`: the works the lessons cite.
    public var bibliographyFile: URL { root.appendingPathComponent(Bibliography.fileName) }

    /// The works the lessons cite, with the problems of their file (`Lessons/references.yml:line:column`); without
    /// the file, none.
    public func loadBibliography() -> (bibliography: Bibliography, problems: [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: bibliographyFile.path) else { return (Bibliography(), []) }
        let display = displayPath(of: bibliographyFile)
        guard let data = FileManager.default.contents(atPath: bibliographyFile.path),
            let text = String(data: data, encoding: .utf8)
        else {
            return (Bibliography(), [Diagnostic(.error, "references.unreadable", "cannot read the references as UTF-8 text",
                at: SourceLocation(file: display, line: 1))])
        }
        return BibliographyParser.parse(text, file: display)
    }

    /// The course settings from `lessons.yml`, with its problems (`lessons.yml:line:column`). Without the file,
    /// the settings are the defaults (the project folder's name as the title) and there is no problem; with an
    /// unusable file, the defaults and the errors.
    public func loadSettings() -> (settings: CourseSettings, problems: [Diagnostic]) {
        let defaults = CourseSettings.defaults(folderName: root.lastPathComponent)
        guard FileManager.default.fileExists(atPath: settingsFile.path) else { return (defaults, []) }
        let display = displayPath(of: settingsFile)
        guard let data = FileManager.default.contents(atPath: settingsFile.path) else {
            return (defaults, [Diagnostic(.error, "settings.unreadable", "cannot read the course settings",
                at: SourceLocation(file: display, line: 1))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (defaults, [Diagnostic(.error, "settings.encoding", "the course settings are not UTF-8 text",
                at: SourceLocation(file: display, line: 1))])
        }
        let (settings, problems) = CourseSettingsParser.parse(text, file: display)
        return (settings ?? defaults, problems)
    }
}

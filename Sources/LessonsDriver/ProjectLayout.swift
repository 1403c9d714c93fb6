public import Foundation

/// Where a course lives: the project root (the folder holding `Lessons/`) and its lessons.
public struct ProjectLayout: Sendable {
    /// The project root; display paths of lessons are relative to it.
    public let root: URL

    /// The folder of lessons, `Lessons/`.
    public var lessonsDirectory: URL { root.appendingPathComponent("Lessons") }

    /// A layout rooted at `root`.
    public init(root: URL) { self.root = root.standardizedFileURL }

    /// The nearest folder at or above `directory` that has a `Lessons/` folder, else `directory` itself.
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
}

public import Foundation
public import LessonModel

/// Turns command-line arguments into lesson files: a file, a folder (its `*.md` files), or a bare name
/// such as `04-elbo.md` or `04-elbo` that names a lesson in `Lessons/`.
public struct LessonResolver: Sendable {
    public let layout: ProjectLayout

    /// Creates a resolver for `layout`.
    public init(layout: ProjectLayout) { self.layout = layout }

    /// Every lesson in `Lessons/`, sorted by file name.
    public func allLessons() -> [URL] {
        markdownFiles(in: layout.lessonsDirectory)
    }

    /// The lesson files `arguments` name, in order, without duplicates; unknown names become diagnostics.
    public func resolve(_ arguments: [String]) -> ([URL], [Diagnostic]) {
        var files: [URL] = []
        var diagnostics: [Diagnostic] = []
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for argument in arguments {
            let direct = URL(fileURLWithPath: argument, relativeTo: current).standardizedFileURL
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: direct.path, isDirectory: &isDirectory) {
                files += isDirectory.boolValue ? markdownFiles(in: direct) : [direct]
                continue
            }
            let name = argument.hasSuffix(".md") ? argument : argument + ".md"
            let inLessons = layout.lessonsDirectory.appendingPathComponent(name)
            if !argument.contains("/"), FileManager.default.fileExists(atPath: inLessons.path) {
                files.append(inLessons)
                continue
            }
            diagnostics.append(Diagnostic(
                .error, "lesson.not-found",
                "no lesson '\(argument)' (looked for \(direct.path) and \(inLessons.path))",
                at: SourceLocation(file: argument, line: 1)))
        }
        var seen = Set<String>()
        return (files.filter { seen.insert($0.path).inserted }, diagnostics)
    }

    /// An error for each lesson file among `files` (and each file its name clashes with) whose name is the same
    /// text as another's in its folder written with other Unicode code points (``LessonNameClash``).
    public func nameClashes(among files: [URL]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let folders = Dictionary(grouping: files) { $0.deletingLastPathComponent().path }
        for (folder, selected) in folders.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }
            let chosen = Set(selected.map(\.lastPathComponent))
            let groups = LessonNameClash.groups(names).filter { chosen.contains($0[0]) }
            diagnostics += LessonNameClash.diagnostics(groups, folder: layout.displayPath(of: URL(fileURLWithPath: folder)))
        }
        return diagnostics
    }

    private func markdownFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0 != "README.md" }
            .sorted()
            .map { directory.appendingPathComponent($0) }
    }
}

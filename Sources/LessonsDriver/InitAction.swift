import FileSafety
public import Foundation
import LessonModel

/// `lessons init [DIR]`: starts a course: `lessons.yml`, a first lesson that shows every feature, `Assets/`, a
/// `.gitignore` and a CI script; with `templates`, also the built-in site templates and styles in
/// `Assets/site/` for customising (in an existing course, only those).
///
/// It never overwrites a file: a folder that is not empty is refused unless `force` is set, and then only the
/// missing files are written.
public struct InitAction: Sendable {
    /// The course folder (created if missing).
    public var directory: URL
    /// Where the built-in files are (``BuiltInFiles/locate(executable:)``).
    public var builtIn: URL
    /// The course title for `lessons.yml`; default: the folder's name.
    public var title: String?
    /// Add the course files to a folder that is not empty (existing files are kept).
    public var force = false
    /// Copy the built-in site templates and styles to `Assets/site/`.
    public var templates = false

    /// An action that makes a course in `directory` from the files in `builtIn`.
    public init(directory: URL, builtIn: URL) {
        self.directory = directory.standardizedFileURL
        self.builtIn = builtIn
    }

    /// Names in a folder that do not make it "not empty": version control's own folder.
    static let ignoredEntries: Set<String> = [".git"]

    /// Makes the course; messages go to `say`; returns the exit code.
    public func run(say: (String) -> Void) -> Int32 {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: directory.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            say("error: \(directory.path) is a file, not a folder")
            return 1
        }
        let entries = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !Self.ignoredEntries.contains($0) }.sorted()
        let isCourse = manager.fileExists(atPath: directory.appendingPathComponent(CourseSettings.fileName).path)
        // `--templates` in an existing course adds the templates only.
        let templatesOnly = templates && isCourse && !force
        if !entries.isEmpty && !force && !templatesOnly {
            let shown = entries.prefix(5).joined(separator: ", ") + (entries.count > 5 ? ", …" : "")
            say("error: \(directory.path) is not empty (it holds \(shown)): lessons init starts a course in a new or "
                + "empty folder. Choose another folder, or pass --force to add the course files here "
                + "(files that exist are kept)."
                + (isCourse ? " To copy the site templates into this course, use lessons init --templates." : ""))
            return 1
        }
        var plan: [(source: URL, target: String, executable: Bool)] = []
        if !templatesOnly {
            let course = BuiltInFiles.courseDirectory(in: builtIn)
            for path in Self.files(under: course) {
                let target = path == "gitignore" ? ".gitignore" : path
                plan.append((course.appendingPathComponent(path), target, path.hasSuffix(".sh")))
            }
        }
        if templates {
            let site = BuiltInFiles.siteDirectory(in: builtIn)
            for path in Self.files(under: site) {
                plan.append((site.appendingPathComponent(path), "Assets/site/" + path, false))
            }
        }
        if plan.isEmpty {
            say("error: the built-in files are missing from \(builtIn.path): reinstall lessons")
            return 1
        }
        var written: [String] = [], kept: [String] = []
        for item in plan {
            let target = directory.appendingPathComponent(item.target)
            if manager.fileExists(atPath: target.path) {
                kept.append(item.target)
                continue
            }
            do {
                guard var bytes = manager.contents(atPath: item.source.path).map(Array.init) else {
                    say("error: cannot read the built-in file \(item.source.path)")
                    return 1
                }
                if item.target == CourseSettings.fileName { bytes = Array(settingsText(String(decoding: bytes, as: UTF8.self)).utf8) }
                try Folder.make(target.deletingLastPathComponent().path, shownAs: item.target)
                try AtomicFile.write(bytes, to: target)
                try manager.setAttributes([.posixPermissions: item.executable ? 0o755 : 0o644], ofItemAtPath: target.path)
                written.append(item.target)
            } catch {
                say("error: \(item.target): \(error)")
                return 1
            }
        }
        for path in kept { say("kept \(path) (it exists)") }
        for path in written { say("wrote \(path)") }
        if !templatesOnly {
            say("""

                A course in \(directory.path). Next:
                  cd \(Self.shellQuoted(directory.path))
                  lessons run --all          # run the first lesson: outputs go into Lessons/01-first-lesson.md
                  lessons build              # the site in site/
                  lessons release 01-first-lesson --out release/   # the student copy
                """)
        } else {
            say("Edit Assets/site/: a file there replaces the built-in file of the same name; delete it to go back.")
        }
        return 0
    }

    /// The built-in `lessons.yml` with this course's title.
    func settingsText(_ text: String) -> String {
        let title = self.title ?? directory.lastPathComponent
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("title:") ? "title: \(quoted)" : String(line)
        }.joined(separator: "\n")
    }

    /// Regular files under `folder`, as sorted relative paths.
    static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }

    static func shellQuoted(_ path: String) -> String {
        path.allSatisfy({ $0.isLetter || $0.isNumber || "/._-".contains($0) }) ? path
            : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Why `build` or `release` will not write into a folder, said with the folder and what to do instead.
public enum OwnedFolderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The folder is the project, or holds it.
    case holdsProject(folder: String, isRoot: Bool)
    /// The folder is the lessons folder or inside it.
    case lessonsFolder(folder: String)
    /// Something that is not a folder exists at the path.
    case notAFolder(folder: String)
    /// The folder holds files `lessons` did not write (some of them lessons), `count` in all.
    case foreignFiles(folder: String, examples: [String], lessons: [String], count: Int, hasManifest: Bool)
    /// The folder's `.lessons-manifest` cannot be read or names paths outside the folder.
    case damagedManifest(folder: String)
    /// Reading or writing failed.
    case file(FileError)

    public var description: String {
        switch self {
        case .holdsProject(let folder, let isRoot):
            return "cannot write into '\(folder)': " + (isRoot ? "it is the project folder" : "it holds the project")
                + ", and lessons never deletes or overwrites files it did not write; choose a folder of its own, e.g. --out site"
        case .lessonsFolder(let folder):
            return "cannot write into '\(folder)': it is the lessons folder or inside it, and lesson sources are never "
                + "overwritten; choose a folder of its own, e.g. --out release"
        case .notAFolder(let folder):
            return "cannot write into '\(folder)': it is a file, not a folder; choose a folder"
        case .foreignFiles(let folder, let examples, let lessons, let count, let hasManifest):
            let what = lessons.isEmpty
                ? "\(count) file(s) lessons did not write (\(examples.joined(separator: ", "))\(count > examples.count ? ", ..." : ""))"
                : "the lesson(s) \(lessons.joined(separator: ", ")) and \(count) file(s) in all that lessons did not write"
            return "cannot write into '\(folder)': it holds \(what); lessons writes only into an empty folder or one "
                + "whose files it wrote itself (listed in its \(FolderManifest.fileName)). Move those files away, or "
                + "choose another folder"
                + (hasManifest ? "" : " (a folder built by an older lessons has no manifest: delete it and build again)")
        case .damagedManifest(let folder):
            return "cannot write into '\(folder)': its \(FolderManifest.fileName) is damaged (each line must be "
                + "'<sha256>  <path inside the folder>'); delete the folder's generated files and the manifest, then try again"
        case .file(let error):
            return error.description
        }
    }
}

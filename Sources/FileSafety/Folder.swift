import Foundation

/// Creating folders with errors a person can act on (`blocker/site: cannot create the folder (Not a directory)`),
/// where Foundation reports only "error 512".
public enum Folder {
    /// Creates `path` and any missing parents (like `mkdir -p`); an existing folder is fine.
    /// - Parameter name: how to show `path` in the error.
    /// - Throws: ``FileError`` with the C library's reason.
    public static func make(_ path: String, shownAs name: String) throws(FileError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw FileError(path: name, action: "cannot create the folder", errno: ENOTDIR)
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try make(parent, shownAs: name) }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
            throw FileError(path: name, action: "cannot create the folder", errno: errno)
        }
    }
}

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// A private working folder of this run: `lessons-PID-XXXXXX` in the temporary directory, mode 0700, named with
/// no part of any lesson's name (a compiler that chokes on a non-ASCII path never sees one), registered with
/// ``ExitCleanup`` until ``remove()``. A folder whose PID is dead is a leftover that ``LeftoverSweep`` removes.
public struct TemporaryFolder: Sendable {
    /// The folder's absolute path.
    public let path: String

    /// Creates the folder with `mkdtemp` (mode 0700).
    public static func make() throws(ExecutionError) -> TemporaryFolder {
        let parent = FileManager.default.temporaryDirectory.path
        var template = Array("\(parent)/\(LeftoverSweep.folderPrefix)\(getpid())-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw .fileSystem("cannot create a temporary folder in \(parent): \(String(cString: strerror(errno)))")
        }
        let path = String(cString: created)
        ExitCleanup.shared.register(path)
        return TemporaryFolder(path: path)
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
        ExitCleanup.shared.unregister(path)
    }
}

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
public import Foundation

/// Removes what runners killed with SIGKILL left behind: their ``TemporaryFolder``s (`lessons-PID-XXXXXX`) in the
/// temporary directory and partial lesson files (`.NAME.lessons-PID-XXXXXXXX`) beside lessons, for every PID that no
/// longer runs. Only names of exactly these shapes are touched; a live runner's files never are.
public enum LeftoverSweep {
    /// How a temporary folder's name starts; the runner's PID and six random characters follow.
    static let folderPrefix = "lessons-"

    /// Sweeps the temporary directory and each of `folders` (the folders of the lessons about to run).
    public static func sweep(besideLessonsIn folders: [URL]) {
        sweepTemporaryFolders(in: FileManager.default.temporaryDirectory.path)
        for folder in Set(folders.map(\.path)) {
            for name in entries(of: folder) where isDead(partialFileOwner(name)) {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }

    /// Removes dead runners' temporary folders in `directory` (the temporary directory, or where a sandbox image
    /// went instead).
    static func sweepTemporaryFolders(in directory: String) {
        for name in entries(of: directory) where isDead(folderOwner(name)) {
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }

    /// The PID in a temporary folder name `lessons-PID-XXXXXX`, or nil for any other name.
    static func folderOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix(folderPrefix) else { return nil }
        let parts = name.dropFirst(folderPrefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 6, parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        return pid(parts[0])
    }

    /// The PID in a partial file name `.NAME.lessons-PID-XXXXXXXX` (``AtomicFile``'s), or nil for any other name.
    static func partialFileOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".lessons-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 8, parts[1].allSatisfy(\.isHexDigit) else { return nil }
        return pid(parts[0])
    }

    private static func pid(_ text: Substring) -> pid_t? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = pid_t(text), value > 1
        else { return nil }
        return value
    }

    /// Whether `pid` names a process that no longer exists (nil: not a leftover's name).
    private static func isDead(_ pid: pid_t?) -> Bool {
        guard let pid, pid != getpid() else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    private static func entries(of folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }
}

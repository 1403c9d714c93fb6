import Foundation

/// The names in a folder, as the bytes the file system stores (not decoded, so that no two names become one).
enum FolderEntries {
    /// The names in `folder` (without `.` and `..`), in byte order.
    /// - Throws: the `errno` of opening or reading it.
    static func names(in folder: URL) throws(POSIXError) -> [[UInt8]] {
        guard let directory = opendir(folder.path) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        errno = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != [46] && name != [46, 46] { names.append(name) }
            errno = 0
        }
        if errno != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }
}

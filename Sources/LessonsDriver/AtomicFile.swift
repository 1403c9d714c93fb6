import Foundation
import LessonExecution

/// Writes files so that a reader sees either the old or the new content, never a mix: write a temporary file
/// beside the target, then rename it over the target.
enum AtomicFile {
    /// Writes `bytes` to `url` atomically; the file keeps its permissions when it existed.
    static func write(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).lessons-\(getpid())-\(UUID().uuidString.prefix(8))")
        let permissions = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions]
        // Removed if a signal ends the run mid-write; a SIGKILL's leftover is swept by the next run (it names our pid).
        ExitCleanup.shared.register(temporary.path)
        defer { ExitCleanup.shared.unregister(temporary.path) }
        do {
            try Data(bytes).write(to: temporary)
            if let permissions {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

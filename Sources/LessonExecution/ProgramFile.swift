#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// Writes files that this process will start as programs, so that no child started meanwhile holds them open for
/// writing (which makes starting them fail with ETXTBSY, "Text file busy"; see ``SpawnGate``).
enum ProgramFile {
    /// Replaces whatever is at `path` with an executable file (mode 0700) holding `bytes`; throws with the reason
    /// when it cannot be written (nothing, or a partial file that is removed, is left then).
    static func write<Bytes: DataProtocol>(_ bytes: Bytes, to path: String) throws(ExecutionError) {
        if unlink(path) != 0 && errno != ENOENT {
            throw .fileSystem("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
        let failure: String? = SpawnGate.shared.writingProgram {
            // Close-on-exec as well: a child started by a spawn outside this module (Foundation's `Process`) drops
            // the descriptor when it execs.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o700)
            guard descriptor >= 0 else { return String(cString: strerror(errno)) }
            var problem: String?
            for region in bytes.regions where problem == nil {
                region.withUnsafeBytes { buffer in
                    var written = 0
                    while written < buffer.count {
                        let count = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                        if count < 0 && errno == EINTR { continue }
                        guard count > 0 else {
                            problem = String(cString: strerror(count < 0 ? errno : EIO))
                            return
                        }
                        written += count
                    }
                }
            }
            if close(descriptor) != 0 && problem == nil { problem = String(cString: strerror(errno)) }
            return problem
        }
        if let failure {
            unlink(path)
            throw .fileSystem("cannot write the program \(path): \(failure)")
        }
    }

    /// Copies the program at `source` to `path` (see ``write(_:to:)``).
    static func copy(from source: String, to path: String) throws(ExecutionError) {
        guard let bytes = FileManager.default.contents(atPath: source) else {
            throw .fileSystem("cannot read the program \(source)")
        }
        try write(bytes, to: path)
    }
}

/// The C library's `write`, which ``ProgramFile/write(_:to:)`` hides by name.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}

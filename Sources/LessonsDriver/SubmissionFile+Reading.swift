import Foundation

extension SubmissionFile {
    /// What reading a submission gives: its bytes, or why it is not graded; with the time it was received (its
    /// modification time, when known).
    enum Contents: Sendable {
        case bytes([UInt8], received: Date)
        case rejected(SubmissionRejection, received: Date?)
    }

    /// Reads the submission if it is a regular file of the student's own, without races: the student folder and
    /// the file are opened without following links (`O_NOFOLLOW`), without blocking on a FIFO (`O_NONBLOCK`), and
    /// the opened descriptor (not the path) is checked: a regular file with one link, at most ``sizeLimit`` bytes.
    /// - Throws: ``SubmissionReadError`` when the file cannot be read for a reason that is not the submission's
    ///   (it vanished, permissions, too many open files): such a submission is not graded and not recorded.
    func read() throws(SubmissionReadError) -> Contents {
        let root = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw SubmissionReadError(path: folder.path, code: errno) }
        defer { close(root) }

        let studentFolder = openat(root, student, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard studentFolder >= 0 else {
            // Only to name what it is (Linux says ENOTDIR for a link with O_DIRECTORY); nothing was opened.
            let code = errno
            if let link = Self.linkStatus(in: root, student), link.mode & S_IFMT != S_IFDIR {
                let rejection: SubmissionRejection =
                    link.mode & S_IFMT == S_IFLNK ? .studentFolderIsSymbolicLink : .studentFolderIsNotAFolder
                return .rejected(rejection, received: link.modified)
            }
            throw SubmissionReadError(path: folder.appendingPathComponent(student).path, code: code)
        }
        defer { close(studentFolder) }

        let file = openat(studentFolder, fileName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard file >= 0 else {
            // Only to name what it is: a symbolic link (ELOOP), a socket (ENXIO), ...; nothing was read.
            let code = errno
            if let link = Self.linkStatus(in: studentFolder, fileName), link.mode & S_IFMT != S_IFREG {
                let rejection: SubmissionRejection =
                    link.mode & S_IFMT == S_IFLNK ? .symbolicLink : .notARegularFile(kind: SubmissionRejection.kind(of: link.mode))
                return .rejected(rejection, received: link.modified)
            }
            throw SubmissionReadError(path: url.path, code: code)
        }
        defer { close(file) }

        var status = stat()
        guard fstat(file, &status) == 0 else { throw SubmissionReadError(path: url.path, code: errno) }
        let received = Self.modified(status)
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .rejected(.notARegularFile(kind: SubmissionRejection.kind(of: status.st_mode)), received: received)
        }
        guard status.st_nlink == 1 else { return .rejected(.hardLinks(count: Int(status.st_nlink)), received: received) }
        guard status.st_size <= Self.sizeLimit else { return .rejected(.tooLarge(bytes: Int(status.st_size)), received: received) }

        // Read past the limit, not to the size `fstat` gave: a file that grew since is still caught.
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= Self.sizeLimit {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(file, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw SubmissionReadError(path: url.path, code: errno)
            }
            bytes += chunk[..<count]
        }
        guard bytes.count <= Self.sizeLimit else { return .rejected(.tooLarge(bytes: nil), received: received) }
        return .bytes(bytes, received: received)
    }

    /// The type and modification time of `name` in the folder `directory` (a descriptor), not following a link.
    private static func linkStatus(in directory: Int32, _ name: String) -> (mode: mode_t, modified: Date)? {
        var status = stat()
        guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return (status.st_mode, modified(status))
    }

    private static func modified(_ status: stat) -> Date {
        #if os(Linux)
        let time = status.st_mtim
        #else
        let time = status.st_mtimespec
        #endif
        return Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }
}

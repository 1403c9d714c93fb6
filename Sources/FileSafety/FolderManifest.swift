import Crypto
import Foundation

/// The list of files `lessons` wrote into an output folder, kept in the folder as `.lessons-manifest`: one line
/// per file, `<sha256>  <relative path>`, sorted by path (the format of `sha256sum`, so `sha256sum -c` checks it).
///
/// Deterministic: the same files give the same bytes, so a committed `site/` stays byte for byte the same.
public struct FolderManifest: Equatable, Sendable {
    /// The manifest's file name inside the folder it describes.
    public static let fileName = ".lessons-manifest"

    /// Relative path → SHA-256 of its content (lowercase hex).
    public var files: [String: String]

    /// A manifest of `files`.
    public init(files: [String: String] = [:]) { self.files = files }

    /// The manifest of `contents` (relative path → bytes); `memo` gives the hashes of contents it has seen.
    public init(contents: [String: [UInt8]], memo: ContentHashMemo? = nil) {
        guard let memo else {
            files = contents.mapValues(Self.hash)
            return
        }
        var files: [String: String] = [:]
        for (path, bytes) in contents { files[path] = memo.hash(bytes, path: path) }
        memo.keep(only: Set(contents.keys))
        self.files = files
    }

    /// The lowercase hex SHA-256 of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { text in
            for (index, byte) in SHA256.hash(data: bytes).enumerated() {
                text[2 * index] = digits[Int(byte >> 4)]
                text[2 * index + 1] = digits[Int(byte & 0x0f)]
            }
            return SHA256.byteCount * 2
        }
    }

    /// The manifest's text.
    public var text: String {
        files.keys.sorted().map { "\(files[$0]!)  \($0)\n" }.joined()
    }

    /// Reads a manifest; nil when a line is not `<64 hex digits>  <path>` or a path could leave the folder
    /// (absolute, empty, `.` or `..` components): such a manifest is not trusted to say what may be deleted.
    public static func parse(_ text: String) -> FolderManifest? {
        var files: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[1].isEmpty, parts[0].count == 64,
                parts[0].allSatisfy({ $0.isHexDigit && !$0.isUppercase }), isSafe(String(parts[2]))
            else { return nil }
            files[String(parts[2])] = String(parts[0])
        }
        return FolderManifest(files: files)
    }

    /// Whether `path` names something inside a folder: relative, with no empty, `.` or `..` component.
    public static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && path != fileName
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}

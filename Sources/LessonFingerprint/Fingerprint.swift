import Crypto
public import Foundation
public import LessonModel

/// The hashes stored in output markers: each cell's hash covers the toolchain, LessonKit, the lesson's seed,
/// and the source of that cell and every cell before it (cells share state, so a change upstream re-runs).
public struct Fingerprint: Sendable {
    /// Hash of everything that is not a cell: toolchain version and LessonKit's fingerprint.
    public let environment: String

    /// Creates a fingerprint base from the toolchain version and LessonKit's own fingerprint.
    public init(toolchainVersion: String, lessonKit: String) {
        environment = Self.hex(["lessons-output-v2", toolchainVersion, lessonKit])
    }

    /// The hash for each cell of `lesson`, in order, 16 hexadecimal digits each.
    /// - Parameters:
    ///   - inputs: for each cell, the files it read (relative to `root`); their contents are part of the hash,
    ///     so changing a data file makes every lesson that read it stale.
    public func cellHashes(for lesson: Lesson, seed: UInt64, inputs: [[String]] = [], root: URL? = nil) -> [String] {
        hashes(for: lesson, seed: seed, inputs: inputs, root: root).cells
    }

    /// The hash for each cell (16 hexadecimal digits) and for each inline expression (8 digits) of `lesson`.
    ///
    /// Inline expressions run where they stand, so each one's code is part of the hashes of every cell and
    /// expression after it (it could change the state they see), and its own hash covers everything before it.
    public func hashes(for lesson: Lesson, seed: UInt64, inputs: [[String]] = [], root: URL? = nil)
        -> (cells: [String], inline: [String])
    {
        var previous = Self.hex([environment, String(seed)])
        var pendingInline = lesson.inlineExpressions[...]
        var inlineHashes: [String] = []
        func hashInline(before line: Int) {
            while let expression = pendingInline.first, expression.line < line {
                pendingInline.removeFirst()
                previous = Self.hex([previous, "inline", expression.code])
                inlineHashes.append(String(previous.prefix(8)))
            }
        }
        let cellHashes = lesson.cells.enumerated().map { index, cell in
            hashInline(before: cell.openingFenceLine)
            var parts = [previous, cell.source]
            for path in index < inputs.count ? inputs[index] : [] {
                let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : (root ?? URL(fileURLWithPath: ".")).appendingPathComponent(path)
                let contents = FileManager.default.contents(atPath: url.path)
                parts += [path, contents.map { SHA256.hash(data: $0).hexDigits } ?? "missing"]
            }
            previous = Self.hex(parts)
            return String(previous.prefix(16))
        }
        hashInline(before: Int.max)
        return (cellHashes, inlineHashes)
    }

    /// LessonKit's fingerprint: the hash of its source files (and its runtime protocol's and C modules') when
    /// the runner runs from a package, else of the built library.
    public static func lessonKit(packageRoot: URL?, libraryDirectory: String) -> String {
        var hasher = SHA256()
        if let root = packageRoot {
            let sources = root.appendingPathComponent("Sources")
            let folders = ["LessonKit", "LessonRuntimeProtocol"]
                + ((try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []).filter {
                    $0.hasPrefix("C") && $0 != "CMarkSupport" && $0 != "CCmark"
                }.sorted()
            for folder in folders {
                let base = sources.appendingPathComponent(folder)
                guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { continue }
                let files = enumerator.compactMap { $0 as? String }.sorted()
                for file in files {
                    guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(file).path)
                    else { continue }
                    hasher.update(data: Data("\(folder)/\(file)\u{0}".utf8))
                    hasher.update(data: data)
                }
            }
        } else {
            for name in ["libLessonKit.so", "libLessonKit.dylib"] {
                let path = libraryDirectory + "/" + name
                if let data = FileManager.default.contents(atPath: path) { hasher.update(data: data) }
            }
        }
        return hasher.finalize().hexDigits
    }

    /// The seed a lesson runs with: its front matter `seed`, else a hash of its file name.
    public static func seed(for lesson: Lesson) -> UInt64 {
        if let seed = lesson.frontMatter.seed { return seed }
        let digest = SHA256.hash(data: Data(lesson.name.utf8))
        return digest.prefix(8).reduce(0) { ($0 << 8) | UInt64($1) }
    }

    /// SHA-256 of the parts, each followed by a zero byte, as 64 hexadecimal digits. The parts are copied into one
    /// buffer and hashed with one call: each call into swift-crypto costs more than hashing a cell's bytes.
    private static func hex(_ parts: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count + 1 })
        for part in parts {
            bytes += part.utf8
            bytes.append(0)
        }
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize().withUnsafeBytes { $0.hexDigits }
    }
}

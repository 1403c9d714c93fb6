@testable import FileSafety
import Foundation
import PropertyBased
import Testing
import TestSupport

/// The manifest's hashes, with and without ``ContentHashMemo``, are what `sha256sum` says of the same bytes, over
/// generated sequences of writes where a path's content changes by one byte, keeps its length, or stays the same.
@Suite struct ContentHashMemoTests {
    /// `sha256sum`'s hash of each of `contents`, by writing them into a temporary folder.
    func sha256sum(_ contents: [[UInt8]]) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = contents.indices.map { "\($0).bin" }
        for (name, bytes) in zip(names, contents) { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = names
        process.currentDirectoryURL = folder
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output.split(separator: "\n").map { String($0.prefix(64)) }
    }

    @Test func hashesAreSha256sumsOverChangingContents() async throws {
        await propertyCheck(count: 40, input: Gen.uint64()) { seed in
            var random = TestRandom(seed: seed)
            let memo = ContentHashMemo()
            var current: [String: [UInt8]] = [:]
            var written: [[UInt8]] = [], hashed: [String] = [], plain: [String] = []
            for _ in 0..<6 {
                for path in ["a.html", "b/c.js", "d.css"] where random.chance(0.7) {
                    var bytes = current[path] ?? (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                    if !bytes.isEmpty && random.chance(0.6) {  // one byte changed, same length
                        bytes[Int(random.next() % UInt64(bytes.count))] &+= UInt8(1 + random.next() % 255)
                    } else if random.chance(0.3) {
                        bytes.append(UInt8(truncatingIfNeeded: random.next()))
                    }
                    current[path] = bytes
                }
                let manifest = FolderManifest(contents: current, memo: memo)
                for (path, bytes) in current {
                    written.append(bytes)
                    hashed.append(manifest.files[path]!)
                    plain.append(FolderManifest.hash(bytes))
                }
            }
            do {
                let expected = try sha256sum(written)
                #expect(hashed == expected, "seed \(seed): the memo's hashes")
                #expect(plain == expected, "seed \(seed): the hashes without a memo")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}

@testable import FileSafety
import Foundation
import PropertyBased
import Testing
import TestSupport

/// ``OwnedFolder`` over generated output folders: earlier builds, foreign files, symbolic links, and manifests
/// edited to name paths outside the folder. Whatever is there, a build changes nothing it did not write.
@Suite struct OwnedFolderPropertyTests {
    static let names = ["index.html", "assets/style.css", "assets/search.js", "01-a.html", "02 b.html", "img/fig/1.svg"]
    static let hostile = ["../victim.txt", "/tmp/victim.txt", "img/../../victim.txt", "./index.html", "", "x//y"]

    /// Every file and link under `root` (relative path → content or link target), folders skipped.
    func snapshot(_ root: URL, skipping skipped: String? = nil) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        for case let name as String in enumerator {
            if let skipped, name == skipped || name.hasPrefix(skipped + "/") { continue }
            let path = root.path + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFLNK {
                result[name] = Data(((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "").utf8)
            } else if info.st_mode & S_IFMT == S_IFREG {
                result[name] = FileManager.default.contents(atPath: path)
            }
        }
        return result
    }

    func contents(_ random: inout TestRandom) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in Self.names where random.chance(0.6) { files[name] = Array("\(name) \(random.next() % 3)".utf8) }
        return files
    }

    @Test func aBuildChangesNothingItDidNotWrite() async {
        await propertyCheck(count: 400, input: Gen.uint64()) { seed in
            var random = TestRandom(seed: seed)
            let top = FileManager.default.temporaryDirectory.appendingPathComponent("owned-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: top) }
            let project = top.appendingPathComponent("project"), lessons = project.appendingPathComponent("Lessons")
            let out = project.appendingPathComponent("site")
            do {
                try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
                try Data("```{swift}\nprint(1)\n```\n".utf8).write(to: lessons.appendingPathComponent("a.md"))
                try Data("victim".utf8).write(to: top.appendingPathComponent("victim.txt"))
                if random.chance(0.7) {
                    var earlier = try OwnedFolder.claim(out, displayName: "site", projectRoot: project, lessonsDirectory: lessons)
                    try earlier.replaceContents(with: contents(&random))
                } else if random.chance(0.5) {
                    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                }
                var mustRefuse = false
                if random.chance(0.3) {
                    let name = random.pick(["CNAME", "notes/todo.md", "lesson.md", "index.html.bak"])
                    try FileManager.default.createDirectory(
                        at: out.appendingPathComponent(name).deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data("```{swift}\n```\nmine".utf8).write(to: out.appendingPathComponent(name))
                    mustRefuse = true
                }
                if random.chance(0.2) {
                    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                    let link = out.appendingPathComponent(random.pick(Self.names.filter { !$0.contains("/") }))
                    try? FileManager.default.removeItem(at: link)
                    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: top.appendingPathComponent("victim.txt").path)
                    mustRefuse = true
                }
                if random.chance(0.2) {
                    let manifest = out.appendingPathComponent(FolderManifest.fileName)
                    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                    let line = String(repeating: "a", count: 64) + "  " + random.pick(Self.hostile) + "\n"
                    let old = FileManager.default.contents(atPath: manifest.path) ?? Data()
                    try (old + Data(line.utf8)).write(to: manifest)
                    mustRefuse = true
                }
                let outsideBefore = snapshot(top, skipping: "project/site")
                let insideBefore = snapshot(out)
                let next = contents(&random)
                var refused = false
                do throws(OwnedFolderError) {
                    var folder = try OwnedFolder.claim(out, displayName: "site", projectRoot: project, lessonsDirectory: lessons)
                    try folder.replaceContents(with: next)
                } catch {
                    refused = true
                }
                #expect(snapshot(top, skipping: "project/site") == outsideBefore, "seed \(seed): something outside changed")
                #expect(refused == mustRefuse, "seed \(seed): refused \(refused), expected \(mustRefuse)")
                if refused {
                    #expect(snapshot(out) == insideBefore, "seed \(seed): a refused build changed the folder")
                } else {
                    var expected = next.mapValues { Data($0) }
                    expected[FolderManifest.fileName] = Data(FolderManifest(contents: next).text.utf8)
                    #expect(snapshot(out) == expected, "seed \(seed): the folder holds exactly what was written")
                }
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}

/// `Data.hasBytes` (memcmp) answers as comparing the bytes as arrays does: equal, one byte changed anywhere, one
/// longer or shorter, empty.
@Suite struct DataHasBytesPropertyTests {
    @Test func hasBytesIsArrayEquality() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...255).array(of: 0...64), Gen.int(in: 0...3), Gen.int(in: 0...1000)) {
            values, change, where_ in
            let bytes = values.map { UInt8($0) }
            var other = bytes
            switch change {
            case 0: break
            case 1 where !other.isEmpty: other[where_ % other.count] ^= UInt8(1 << (where_ % 8))
            case 2: other.append(UInt8(where_ % 256))
            default: if !other.isEmpty { other.removeLast() }
            }
            #expect(Data(other).hasBytes(bytes) == (other == bytes))
        }
    }
}

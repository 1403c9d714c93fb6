import Foundation
import Testing
import TestSupport
import PropertyBased
@testable import LessonsDriver

/// `lessons run` keeps the models a lesson trained and puts them back when the same program trains them again:
/// a cleared lesson runs again with the same bytes, from the cache; `--force` trains again; an entry that cannot
/// be read, or a training call with any other input, trains.
@Suite(.serialized) struct TrainingCacheTests {
    /// A lesson that trains a small FVSBN with early stopping and prints what training leaves: the model's NLL, the
    /// epoch kept, and the generator's next number.
    func lesson(nonce: String, learningRate: String = "1e-2") -> String {
        """
        ---
        title: Cached training
        seed: 11
        ---

        ```{swift}
        //| id: data
        // \(nonce)
        var random = SeededGenerator()
        print("data")
        ```

        ```{swift}
        //| id: train
        let images = (0..<300).map { _ in (0..<16).map { j in random.uniform() < 0.1 + 0.05 * Double(j % 8) ? 1.0 : 0.0 } }
        let model = FVSBN(pixelCount: 16)
        let history = model.trainWithEarlyStopping(on: Array(images.prefix(240)), validation: Array(images.suffix(60)),
            maxEpochs: 30, learningRate: \(learningRate), using: &random)
        print("nll", model.negativeLogLikelihood(images), "best", history.bestEpoch, "next", random.next())
        ```

        """
    }

    @Test func aClearedLessonRunsAgainFromTheCacheWithTheSameBytes() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let caches = project.root.appendingPathComponent("caches")
        let folder = caches.appendingPathComponent("training")
        let lessons = LessonsCommandRunner(project: project)
        let environment = ["LESSONS_CACHE_DIR": caches.path]
        let nonce = UUID().uuidString
        try project.write("01-train.md", lesson(nonce: nonce))
        func run(_ extra: [String] = []) throws -> String {
            let result = try lessons.run(["run"] + extra + ["01-train.md"], environment: environment)
            #expect(result.status == 0, "\(result.standardError)")
            return try project.read("01-train.md")
        }
        func clear() throws { #expect(try lessons.run(["clear", "01-train.md"], environment: environment).status == 0) }
        func entries() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".training") }.sorted()
        }

        let trained = try run()
        #expect(trained.contains("nll "), "\(trained)")
        let stored = entries()
        #expect(stored.count == 1, "one training call, one entry: \(stored)")
        try clear()
        #expect(try run() == trained, "the cached training gives the same bytes")
        #expect(entries() == stored)
        // A lesson run with its outputs in place (its lines moved by them) is the same program.
        #expect(try run(["--force"]) == trained)
        #expect(entries() == stored, "the lesson with its outputs trained under the same entry")

        // The entry is really read: an entry whose trained parameters are all changed gives another model.
        let path = folder.appendingPathComponent(stored[0]).path
        var data = try #require(FileManager.default.contents(atPath: path))
        let header = "lessons-training-cache-1\n".utf8.count
        func word(_ index: Int) -> Int {
            data[(header + 8 * index)..<(header + 8 * index + 8)].reversed().reduce(0) { ($0 << 8) | Int($1) }
        }
        var index = 1
        for _ in 0..<word(0) {
            let count = word(index)
            for value in (index + 1)...(index + count) {
                let offset = header + 8 * value
                withUnsafeBytes(of: (0.5).bitPattern.littleEndian) { data.replaceSubrange(offset..<(offset + 8), with: $0) }
            }
            index += count + 1
        }
        try data.write(to: URL(fileURLWithPath: path))
        try clear()
        let poisoned = try run()
        #expect(poisoned != trained, "a changed entry changes the output, so the entry was used")

        // --force trains again and renews the entry.
        #expect(try run(["--force"]) == trained)
        try clear()
        #expect(try run() == trained, "the renewed entry holds the trained model")

        // A cut entry is not read: the model trains, and the entry is whole again.
        let whole = try #require(FileManager.default.contents(atPath: path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        try clear()
        #expect(try run() == trained)
        #expect(FileManager.default.contents(atPath: path)?.count == whole.count, "the entry is written again, whole")

        // Another input of the call (the learning rate) is another entry.
        try project.write("01-train.md", lesson(nonce: nonce, learningRate: "3e-2"))
        let other = try run()
        #expect(entries().count == 2, "\(entries())")
        #expect(other.components(separatedBy: "```output")[1] != trained.components(separatedBy: "```output")[1])
    }

    @Test func withoutACacheTheSameLessonGivesTheSameBytes() throws {
        // The cache changes nothing in what a lesson computes: a run with an empty cache and a run from it agree
        // with a run where caching is impossible (a cache folder that cannot be made).
        let project = try TemporaryProject()
        defer { project.remove() }
        let lessons = LessonsCommandRunner(project: project)
        try project.write("01-train.md", lesson(nonce: UUID().uuidString))
        let blocked = project.root.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocked)
        let uncached = try lessons.run(["run", "01-train.md"], environment: ["LESSONS_CACHE_DIR": blocked.path])
        #expect(uncached.status == 0, "\(uncached.standardError)")
        let plain = try project.read("01-train.md")
        _ = try lessons.run(["clear", "01-train.md"])
        let caches = project.root.appendingPathComponent("caches").path
        #expect(try lessons.run(["run", "01-train.md"], environment: ["LESSONS_CACHE_DIR": caches]).status == 0)
        #expect(try project.read("01-train.md") == plain)
    }
}

/// The cache's folder stays within its size, dropping the entries used longest ago.
@Suite struct TrainingCachePruningTests {
    @Test func pruningKeepsTheEntriesUsedLast() async throws {
        await propertyCheck(count: 40, input: Gen.uint64()) { seed in
            var state = seed
            func next() -> UInt64 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return state >> 17
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prune-\(UUID().uuidString)").path
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let count = Int(next() % 12) + 1
            var sizes: [Int] = []
            for index in 0..<count {
                let size = Int(next() % 1000) + 1
                sizes.append(size)
                let path = folder + "/\(index).training"
                FileManager.default.createFile(atPath: path, contents: Data(count: size))
                // Entry i was last used i minutes before the others: the higher the index, the older.
                let used = Date(timeIntervalSince1970: 1_000_000 - Double(index) * 60)
                try? FileManager.default.setAttributes([.modificationDate: used], ofItemAtPath: path)
            }
            FileManager.default.createFile(atPath: folder + "/notes.txt", contents: Data(count: 5000))
            let limit = Int(next() % 6000)
            TrainingCachePruning.prune(folder, limit: limit)
            let left = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []))
            // The newest entries whose sizes fit, in order of use; nothing else is touched.
            var expected: Set<String> = ["notes.txt"]
            var total = sizes.reduce(0, +)
            for index in (0..<count).reversed() {
                if total > limit { total -= sizes[index] } else { expected.insert("\(index).training") }
            }
            #expect(left == expected, "seed \(seed): limit \(limit), sizes \(sizes)")
        }
    }
}

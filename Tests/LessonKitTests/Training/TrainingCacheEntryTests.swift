import Foundation
import PropertyBased
import Testing

@testable import LessonKit

/// What the training cache stores comes back bit for bit, and what names an entry tells different inputs apart.
@Suite struct TrainingCacheEntryTests {
    /// Lists of lists of numbers, special values included (NaN payloads, −0, infinities, subnormals).
    static let lists = Gen.uint64().map { seed -> [[Double]] in
        var random = SeededGenerator(seed: seed)
        let specials: [Double] = [-0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        return (0..<Int(random.next() % 5)).map { _ in
            (0..<Int(random.next() % 7)).map { _ in
                random.next() % 4 == 0 ? specials[Int(random.next() % UInt64(specials.count))]
                    : Double(bitPattern: random.next())
            }
        }
    }

    @Test func anEntryReadsBackBitForBit() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        await propertyCheck(count: 300, input: Self.lists, Self.lists, Gen.uint64()) { parameters, history, word in
            let entry = TrainingCacheEntry(parameters: parameters, history: history, generator: [word, ~word, 1, 2])
            let path = folder + "/entry.training"
            entry.write(to: path, in: folder)
            let read = TrainingCacheEntry.read(path)
            #expect(read.map { $0.parameters.map { $0.map(\.bitPattern) } } == parameters.map { $0.map(\.bitPattern) })
            #expect(read.map { $0.history.map { $0.map(\.bitPattern) } } == history.map { $0.map(\.bitPattern) })
            #expect(read?.generator == [word, ~word, 1, 2])
            // Any cut of the file is refused, never read as another entry.
            let data = try #require(FileManager.default.contents(atPath: path))
            let cut = Int(word % UInt64(data.count))
            try data.prefix(cut).write(to: URL(fileURLWithPath: path))
            #expect(TrainingCacheEntry.read(path) == nil, "a file cut to \(cut) of \(data.count) bytes was read")
        }
    }

    @Test func keysTellApartInputsThatDifferInOneNumberOrInTheirShape() async {
        await propertyCheck(count: 500, input: Self.lists, Gen.uint64()) { rows, choice in
            func key(_ rows: [[Double]]) -> String {
                var key = TrainingKey()
                key.add(rows)
                return key.hex
            }
            #expect(key(rows) == key(rows))
            var changed = rows
            if let row = rows.indices.first(where: { !rows[$0].isEmpty }) {
                let column = Int(choice % UInt64(rows[row].count))
                changed[row][column] = Double(bitPattern: rows[row][column].bitPattern ^ (1 << (choice % 64)))
                #expect(key(changed) != key(rows), "one bit of one number")
            }
            // The same numbers split into other rows.
            let flat = rows.flatMap { $0 }
            if flat.count >= 2, rows.count != 1 {
                #expect(key([flat]) != key(rows), "the same numbers in one row")
            }
            #expect(key(rows + [[]]) != key(rows), "one more empty row")
        }
    }
}

import Foundation

/// One stored training call (``TrainingCache``): the trained parameters' values, the call's record as numbers,
/// and the generator's state after it. On disk: a magic line, then little-endian 64-bit words (counts, then
/// values by their bits).
struct TrainingCacheEntry {
    var parameters: [[Double]]
    var history: [[Double]]
    var generator: [UInt64]

    private static let magic = Array("lessons-training-cache-1\n".utf8)

    /// The entry at `path`; nil when there is none or it is not a whole entry of this form.
    static func read(_ path: String) -> TrainingCacheEntry? {
        guard let data = FileManager.default.contents(atPath: path), data.count >= magic.count,
            Array(data.prefix(magic.count)) == magic, (data.count - magic.count) % 8 == 0
        else { return nil }
        var words: [UInt64] = []
        words.reserveCapacity((data.count - magic.count) / 8)
        data.dropFirst(magic.count).withUnsafeBytes { raw in
            for offset in stride(from: 0, to: raw.count, by: 8) {
                words.append(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            }
        }
        var reader = WordReader(stored: words)
        guard let parameters = reader.lists(), let history = reader.lists(), let generator = reader.words(),
            reader.atEnd
        else { return nil }
        return TrainingCacheEntry(parameters: parameters, history: history, generator: generator)
    }

    /// Writes the entry whole or not at all (a temporary file renamed into place); a cache that cannot be written
    /// is no error, the model was trained.
    func write(to path: String, in folder: String) {
        var words: [UInt64] = []
        func add(_ lists: [[Double]]) {
            words.append(UInt64(lists.count))
            for list in lists {
                words.append(UInt64(list.count))
                words += list.map(\.bitPattern)
            }
        }
        add(parameters)
        add(history)
        words.append(UInt64(generator.count))
        words += generator
        var data = Data(Self.magic)
        words.withUnsafeBufferPointer { buffer in
            for word in buffer {
                withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) }
            }
        }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).partial"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// Reads counted lists of words.
    private struct WordReader {
        let stored: [UInt64]
        var position = 0

        var atEnd: Bool { position == stored.count }

        mutating func next() -> UInt64? {
            guard position < stored.count else { return nil }
            defer { position += 1 }
            return stored[position]
        }

        mutating func words() -> [UInt64]? {
            guard let count = next().flatMap({ Int(exactly: $0) }), count <= stored.count - position else { return nil }
            defer { position += count }
            return Array(stored[position..<(position + count)])
        }

        mutating func lists() -> [[Double]]? {
            guard let count = next().flatMap({ Int(exactly: $0) }), count <= stored.count - position else { return nil }
            var lists: [[Double]] = []
            for _ in 0..<count {
                guard let list = words() else { return nil }
                lists.append(list.map(Double.init(bitPattern:)))
            }
            return lists
        }
    }
}

import Foundation

/// One captured output file of a cell, read up to a limit.
struct CapturedStream {
    /// The bytes kept (at most the limit).
    var bytes: [UInt8]
    /// The file's full size.
    var totalSize: Int

    /// Reads at most `limit` bytes of the file at `path`; an absent file is empty.
    init(path: String, limit: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            bytes = []
            totalSize = 0
            return
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()).map(Int.init) ?? 0
        try? handle.seek(toOffset: 0)
        let data = ((try? handle.read(upToCount: min(size, limit))) ?? nil) ?? Data()
        bytes = Array(data)
        totalSize = size
    }

    /// The bytes in `range` (clamped to what was kept).
    func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
        let lower = min(max(0, range.lowerBound), bytes.count)
        let upper = min(max(lower, range.upperBound), bytes.count)
        return bytes[lower..<upper]
    }
}

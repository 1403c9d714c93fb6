import Foundation
import LessonModel

/// A long Markdown text cut into pieces of about a megabyte that cmark parses on every core, giving what parsing
/// the whole text gives.
///
/// Pieces of a megabyte rather than one per core: cmark's tree takes about twelve times its text in memory, and a
/// thread that frees one piece's tree before parsing the next reuses that memory. One 10 MB piece per core touched
/// 470 MB of fresh pages for a 20 MB lesson (a third of its check went to the kernel's page faults); megabyte pieces
/// touch 170 MB.
///
/// A piece ends after an empty line and the next begins with a line that starts at its first column. cmark parses
/// block structure line by line, so a piece parsed alone sees its lines as the whole text does. What it cannot see
/// is a block still open where it ends (a fence not closed yet, an HTML comment that spans a blank line, a list a
/// later line continues): its last top-level block then reaches its last line, and the two pieces are parsed
/// again as one. Otherwise only the document is open after the empty line, and the next piece starts as a text
/// of its own would. Code spans are inline and local to their block; the only document-wide inline state, link
/// reference definitions, decides links, never code spans.
struct MarkdownPieces {
    /// Texts shorter than twice this are parsed whole: cutting pays only for megabytes.
    static let minimumPieceBytes = 1 << 20
    /// At most this many pieces (a text of 64 MB or more has longer ones).
    static let maximumPieces = 64

    let bytes: [UInt8]
    /// Where each piece starts; the first is 0.
    let starts: [Int]

    /// How many pieces a text of `byteCount` bytes is cut into: each at least a megabyte, at most ``maximumPieces``.
    static func count(forBytes byteCount: Int) -> Int {
        max(1, min(maximumPieces, byteCount / minimumPieceBytes))
    }

    /// Cuts `bytes` into at most `count` pieces of about equal size.
    init(bytes: [UInt8], count: Int) {
        self.bytes = bytes
        var starts = [0]
        if count > 1 {
            for piece in 1..<count {
                let target = max(starts[starts.count - 1] + 1, bytes.count * piece / count)
                if let start = Self.pieceStart(in: bytes, from: target) { starts.append(start) }
            }
        }
        self.starts = starts
    }

    /// The first offset at or after `from` that starts a line after an empty line (two line feeds) and whose
    /// first byte is a printable ASCII character (not blank, not a line break, and not the start of U+FEFF, which
    /// cmark would skip as a byte order mark at the start of a piece but reads as text within the whole); nil when
    /// there is none.
    static func pieceStart(in bytes: [UInt8], from: Int) -> Int? {
        var offset = max(from, 2)
        while offset < bytes.count {
            if bytes[offset - 1] == 0x0A, bytes[offset - 2] == 0x0A, (0x21...0x7E).contains(bytes[offset]) {
                return offset
            }
            offset += 1
        }
        return nil
    }

    /// Every piece parsed, as many at once as cores, then joined; a piece whose predecessor ended inside an open
    /// block is parsed again together with it.
    func scan() -> MarkdownPieceScan {
        let ranges = starts.indices.map { index in
            starts[index]..<(index + 1 < starts.count ? starts[index + 1] : bytes.count)
        }
        guard ranges.count > 1 else { return MarkdownScanner.scanPiece(bytes) }
        let results = WorkerPool(width: ProcessInfo.processInfo.activeProcessorCount).map(ranges) { range in
            MarkdownScanner.scanPiece(Array(bytes[range]))
        }
        var joined = MarkdownPieceScan()
        func append(_ piece: (range: Range<Int>, scan: MarkdownPieceScan)) {
            let moved = piece.scan.shifted(lines: joined.lineCount, bytes: piece.range.lowerBound)
            joined.blocks += moved.blocks
            joined.codeSpans += moved.codeSpans
            joined.lineCount += piece.scan.lineCount
        }
        var current = (range: ranges[0], scan: results[0])
        var next = 1
        var joinsInARow = 0
        while next < ranges.count {
            guard current.scan.lastBlockReachesEnd else {
                append(current)
                joinsInARow = 0
                current = (ranges[next], results[next])
                next += 1
                continue
            }
            // Parsed again with the next piece; after two such joins in a row (a block open across many pieces),
            // with everything left at once, so that the work never grows with the square of the pieces.
            joinsInARow += 1
            let end = joinsInARow > 2 ? bytes.count : ranges[next].upperBound
            current = (current.range.lowerBound..<end, MarkdownScanner.scanPiece(Array(bytes[current.range.lowerBound..<end])))
            next = end == bytes.count ? ranges.count : next + 1
        }
        append(current)
        return joined
    }
}

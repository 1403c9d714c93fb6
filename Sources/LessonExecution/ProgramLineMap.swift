import LessonModel

/// Line numbers that do not move when a lesson's outputs or prose change, and where they are in the lesson.
///
/// A lesson program gives each cell (and inline expression) a `#sourceLocation` line. With the lesson's own line
/// numbers, writing one cell's output moves every line after it, so the same cells make a different program and
/// must be compiled again. ``ProgramAssembler`` can number the program's regions instead one after another from
/// ``base``, in the order they run, counting only their own lines: the program then depends on the cells' code
/// alone, and a compiled copy can be reused (``ProgramCache``). Everything the compiler or the program reports
/// (diagnostics, trap messages, backtraces, check records) goes through this map back to lesson lines.
///
/// The numbers start at a billion, so a number that escaped the map is obviously not a lesson line.
struct ProgramLineMap: Sendable, Equatable {
    /// The first program line: larger than any lesson's line count.
    static let base = 1_000_000_000

    private var programStarts: [Int] = []
    private var lessonStarts: [Int] = []
    private var lineCounts: [Int] = []
    /// The program line the next region gets.
    private var next = base

    /// Numbers a region of `lineCount` lines that starts at lesson line `lessonLine`; returns its program line.
    mutating func add(lessonLine: Int, lineCount: Int) -> Int {
        let start = next
        programStarts.append(start)
        lessonStarts.append(lessonLine)
        lineCounts.append(max(lineCount, 1))
        // One spare line between regions, so that a position just past a region's end is still its own.
        next += max(lineCount, 1) + 1
        return start
    }

    /// The lesson line of program line `line`, or nil when `line` is not one of this map's lines.
    func lessonLine(of line: Int) -> Int? {
        guard line >= Self.base else { return nil }
        // The last region starting at or before `line`.
        var low = 0, high = programStarts.count
        while low < high {
            let middle = (low + high) / 2
            if programStarts[middle] <= line { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let region = low - 1
        let offset = line - programStarts[region]
        guard offset <= lineCounts[region] else { return nil }
        return lessonStarts[region] + offset
    }

    /// `line` in the lesson: mapped when it is one of this map's lines, else as it is.
    func lessonLineOrSame(_ line: Int) -> Int { lessonLine(of: line) ?? line }

    /// `text` with every `file:N` whose `file` is one of `files` and whose `N` is a program line rewritten to
    /// `file:M`, `M` the lesson line (compiler diagnostics, trap messages and backtrace frames name lines so).
    func rewritingLines(in text: String, files: [String]) -> String {
        let patterns = files.filter { !$0.isEmpty }.map { Array(($0 + ":").utf8) }.filter { text.containsBytes($0) }
        guard !patterns.isEmpty else { return text }
        var bytes = Array(text.utf8)
        var changed = false
        for pattern in patterns {
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                guard bytes[index] == pattern[0], bytes.count - index >= pattern.count,
                    bytes[index..<(index + pattern.count)].elementsEqual(pattern)
                else {
                    result.append(bytes[index])
                    index += 1
                    continue
                }
                let digitsStart = index + pattern.count
                var digitsEnd = digitsStart
                while digitsEnd < bytes.count, digitsEnd - digitsStart < 18, (0x30...0x39).contains(bytes[digitsEnd]) {
                    digitsEnd += 1
                }
                result.append(contentsOf: pattern)
                let number = bytes[digitsStart..<digitsEnd].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                if digitsEnd > digitsStart, let mapped = lessonLine(of: number) {
                    result.append(contentsOf: Array(String(mapped).utf8))
                    changed = true
                } else {
                    result.append(contentsOf: bytes[digitsStart..<digitsEnd])
                }
                index = digitsEnd
            }
            bytes = result
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }
}

import PropertyBased
import Testing

@testable import CMarkSupport

/// The arena cmark parses in hands out memory that keeps what was written to it until the next reset, grows the
/// last allocation in place and moves the others with their bytes; and cmark's tree built in it gives what the C
/// library's allocator gives.
@Suite struct CMarkArenaPropertyTests {
    /// One step: allocate this many bytes, grow allocation `index` (modulo how many there are) to this many, or reset.
    enum Step: Sendable {
        case allocate(Int)
        case grow(index: Int, to: Int)
        case reset
    }

    static let step = Gen.int(in: 0...99).map { pick -> Step in
        switch pick {
        case 0..<55: .allocate([0, 1, 15, 16, 17, 100, 4_000, 70_000, 5 << 20][pick % 9])
        case 55..<97: .grow(index: pick, to: [8, 33, 512, 9_000, 6 << 20][pick % 5])
        default: .reset
        }
    }

    /// Whether `size` bytes at `pointer` hold `fill`: the first and last 64 and every 4,099th between (the large
    /// allocations are megabytes).
    static func holds(_ pointer: UnsafeMutableRawPointer, _ size: Int, _ fill: UInt8) -> Bool {
        let offsets = Set(Array(0..<min(size, 64)) + Array(max(0, size - 64)..<size) + Array(stride(from: 0, to: size, by: 4_099)))
        return offsets.allSatisfy { pointer.load(fromByteOffset: $0, as: UInt8.self) == fill }
    }

    @Test func everyAllocationKeepsItsBytesUntilReset() async {
        await propertyCheck(count: 100, input: Self.step.array(of: 1...40)) { steps in
            let arena = CMarkArena()
            // Each live allocation, its size, and the byte it is filled with.
            var live: [(pointer: UnsafeMutableRawPointer, size: Int, fill: UInt8)] = []
            var fill: UInt8 = 0
            for step in steps {
                switch step {
                case .allocate(let size):
                    guard let pointer = arena.allocate(size) else { Issue.record("no memory"); return }
                    fill &+= 1
                    pointer.initializeMemory(as: UInt8.self, repeating: fill, count: size)
                    live.append((pointer, size, fill))
                case .grow(let index, let size):
                    guard !live.isEmpty else { continue }
                    let old = live[index % live.count]
                    guard let pointer = arena.reallocate(old.pointer, size) else { Issue.record("no memory"); return }
                    // The old bytes moved with it; the new ones are filled too.
                    #expect(Self.holds(pointer, min(old.size, size), old.fill))
                    let size = max(old.size, size)
                    pointer.initializeMemory(as: UInt8.self, repeating: old.fill, count: size)
                    live[index % live.count] = (pointer, size, old.fill)
                case .reset:
                    arena.reset()
                    live.removeAll()
                }
                // No allocation overlaps another: every one still holds its own byte.
                for allocation in live { #expect(Self.holds(allocation.pointer, allocation.size, allocation.fill)) }
            }
        }
    }

    @Test func aTreeInTheArenaIsTheTreeOfTheCLibrary() async {
        let picks = Gen.int(in: 0...(MarkdownPiecesPropertyTests.snippets.count - 1)).array(of: 1...60)
        await propertyCheck(count: 300, input: picks, MarkdownPiecesPropertyTests.separators) { picks, separators in
            let bytes = MarkdownPiecesPropertyTests.text(picks, separators)
            let arena = MarkdownScanner.scanPiece(bytes)
            let library = MarkdownScanner.scanPiece(bytes, inArena: false)
            #expect(arena.blocks == library.blocks)
            #expect(arena.codeSpans == library.codeSpans)
            #expect(arena.lineCount == library.lineCount && arena.lastBlockReachesEnd == library.lastBlockReachesEnd)
        }
    }
}

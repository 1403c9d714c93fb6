import CCmark
import Foundation

/// Memory for one cmark parse at a time on one thread, handed out from large blocks and given back all at once.
///
/// cmark allocates millions of small pieces for a long text (2.7 million for 20 MB: nodes, string buffers, inline
/// delimiters) and frees each again with the tree; through the C library's allocator that is half of cmark's time.
/// Here an allocation moves a pointer, a free does nothing, and ``reset()`` makes the blocks free for the next parse
/// on the same thread (a long text is parsed in megabyte pieces, ``MarkdownPieces``). Nothing cmark allocated may be
/// used after ``reset()``: ``MarkdownScanner`` copies out what it needs before.
///
/// cmark's allocator callbacks take no context, so the arena is found through a thread-local slot; each thread gets
/// its own arena the first time it parses, released when the thread ends.
final class CMarkArena {
    /// The size of a block; an allocation larger than this gets a block of its own.
    private static let blockBytes = 4 << 20
    /// Every allocation starts at a multiple of this and is preceded by a header of this many bytes with its size.
    private static let alignment = 16
    /// After a parse, blocks beyond this many bytes are given back to the C library (a one-off large parse).
    private static let keptBytes = 64 << 20

    private var blocks: [(start: UnsafeMutableRawPointer, size: Int)] = []
    /// The block allocations come from now, and the next free byte in it.
    private var current = 0
    private var next: UnsafeMutableRawPointer?
    private var end: UnsafeMutableRawPointer?
    /// The last allocation made (a `realloc` of it grows it in place when its block has room).
    private var last: UnsafeMutableRawPointer?

    deinit {
        for block in blocks { free(block.start) }
    }

    /// `byteCount` bytes, aligned, after a header that records how many; nil when the C library has no memory.
    func allocate(_ byteCount: Int) -> UnsafeMutableRawPointer? {
        let size = (max(byteCount, 1) + Self.alignment - 1) & ~(Self.alignment - 1)
        if let next, let end, next + Self.alignment + size <= end {
            return place(size, at: next)
        }
        // The next block that has room, or a new one.
        while current + 1 < blocks.count {
            current += 1
            let block = blocks[current]
            if block.size >= Self.alignment + size {
                (next, end) = (block.start, block.start + block.size)
                return place(size, at: block.start)
            }
        }
        let blockSize = max(Self.blockBytes, Self.alignment + size)
        guard let start = malloc(blockSize) else { return nil }
        blocks.append((start, blockSize))
        current = blocks.count - 1
        (next, end) = (start, start + blockSize)
        return place(size, at: start)
    }

    private func place(_ size: Int, at header: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        header.storeBytes(of: size, as: Int.self)
        let pointer = header + Self.alignment
        next = pointer + size
        last = pointer
        return pointer
    }

    /// `pointer`'s allocation with room for `byteCount` bytes, its content kept: grown in place when it is the last
    /// allocation and its block has room, else copied.
    func reallocate(_ pointer: UnsafeMutableRawPointer?, _ byteCount: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(byteCount) }
        let size = (pointer - Self.alignment).load(as: Int.self)
        if byteCount <= size { return pointer }
        let grown = (byteCount + Self.alignment - 1) & ~(Self.alignment - 1)
        if pointer == last, let end, pointer + grown <= end {
            (pointer - Self.alignment).storeBytes(of: grown, as: Int.self)
            next = pointer + grown
            return pointer
        }
        guard let moved = allocate(byteCount) else { return nil }
        moved.copyMemory(from: pointer, byteCount: size)
        return moved
    }

    /// Makes every block free again; what was allocated must not be used any more.
    func reset() {
        var kept = 0
        blocks.removeAll { block in
            kept += block.size
            guard kept > Self.keptBytes else { return false }
            free(block.start)
            return true
        }
        current = 0
        (next, end) = blocks.first.map { ($0.start, $0.start + $0.size) } ?? (nil, nil)
        last = nil
    }

    /// The calling thread's arena, made on first use.
    static var ofThisThread: CMarkArena {
        if let stored = pthread_getspecific(threadKey) {
            return Unmanaged<CMarkArena>.fromOpaque(stored).takeUnretainedValue()
        }
        let arena = CMarkArena()
        pthread_setspecific(threadKey, Unmanaged.passRetained(arena).toOpaque())
        return arena
    }

    /// The thread-local slot, whose value is released when its thread ends.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { stored in
            guard let stored else { return }
            Unmanaged<CMarkArena>.fromOpaque(stored).release()
        }
        return key
    }()

    /// cmark's allocator over the calling thread's arena (cmark keeps the pointer in its parser and every node).
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(
            calloc: { count, size in
                let (byteCount, overflow) = count.multipliedReportingOverflow(by: size)
                guard !overflow, let pointer = CMarkArena.ofThisThread.allocate(byteCount) else { return nil }
                pointer.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
                return pointer
            },
            realloc: { pointer, byteCount in CMarkArena.ofThisThread.reallocate(pointer, byteCount) },
            free: { _ in }))
        return allocator
    }()
}

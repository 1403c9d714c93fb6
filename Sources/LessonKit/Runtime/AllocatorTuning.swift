#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Foundation

/// Keeps the C allocator from handing tensor buffers back to the kernel after every operation.
///
/// Training allocates and frees buffers of 100 KB to a few MB at every node of the tape. With glibc's defaults those
/// are mapped and unmapped each time (or trimmed off the top of the heap), so every step pays page faults and the
/// kernel's zeroing of fresh pages: 14% of a Row LSTM's training in `perf`. Fixed thresholds (the largest mapping
/// glibc allows, 32 MB; freed memory kept up to 256 MB) make the buffers reused instead: a PixelCNN epoch took
/// 0.28 s instead of 0.45-0.48 s, a Row LSTM epoch 0.24 s instead of 0.30 s (`ModelBench train`). The arithmetic
/// is the same; only where the bytes live changes. A program that sets `GLIBC_TUNABLES` or `MALLOC_*` itself
/// keeps its own settings.
enum AllocatorTuning {
    /// The largest allocation served from the heap rather than by its own mapping.
    static let mappingThreshold: Int32 = 32 << 20
    /// How much free memory at the top of the heap is kept before it is given back.
    static let trimThreshold: Int32 = 256 << 20

    static func apply() {
        #if canImport(Glibc)
        let environment = ProcessInfo.processInfo.environment
        guard environment["GLIBC_TUNABLES"] == nil,
            !environment.keys.contains(where: { $0.hasPrefix("MALLOC_") && $0.hasSuffix("_") })
        else { return }
        // `mallopt` is declared in <malloc.h>, which the Glibc module does not export: look it up by name, with C's
        // calling convention. Its parameters are glibc's M_TRIM_THRESHOLD (-1) and M_MMAP_THRESHOLD (-3).
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
        _ = mallopt(-3, mappingThreshold)
        _ = mallopt(-1, trimThreshold)
        #endif
    }
}

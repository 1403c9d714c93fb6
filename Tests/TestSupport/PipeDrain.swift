public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a child's pipes to their ends, all at once: waiting on one while the child fills the other would block
/// both, and a read that a signal interrupts is retried (Foundation's `readDataToEndOfFile` traps on `EINTR`).
public enum PipeDrain {
    /// Everything written to `pipes` until every writer closed them, in the order given.
    public static func readAll(_ pipes: [Pipe]) -> [Data] {
        let descriptors = pipes.map { $0.fileHandleForReading.fileDescriptor }
        var contents = Array(repeating: Data(), count: pipes.count)
        var open = Array(repeating: true, count: pipes.count)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while open.contains(true) {
            var polled = descriptors.indices.map {
                pollfd(fd: open[$0] ? descriptors[$0] : -1, events: Int16(POLLIN), revents: 0)
            }
            if poll(&polled, nfds_t(polled.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in polled.indices where polled[index].revents != 0 {
                let count = read(descriptors[index], &buffer, buffer.count)
                if count > 0 {
                    contents[index].append(contentsOf: buffer[..<count])
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open[index] = false
                }
            }
        }
        return contents
    }
}

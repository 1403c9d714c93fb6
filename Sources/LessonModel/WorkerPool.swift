import Foundation

/// Runs a function over a list on a fixed number of threads, keeping the results in the list's order: what
/// `lessons run --jobs` runs lessons with and `lessons build` renders pages with.
public struct WorkerPool: Sendable {
    /// How many threads work at once (at least one).
    public let width: Int

    /// A pool of `width` threads (at least one).
    public init(width: Int) { self.width = max(1, width) }

    /// `body` of each input, on up to ``width`` threads; the outputs in the inputs' order. With a width of one (or a
    /// single input) everything runs on the calling thread.
    public func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ body: @escaping @Sendable (Input) -> Output) -> [Output] {
        if width == 1 || inputs.count <= 1 { return inputs.map(body) }
        let results = ResultSlots<Output>(count: inputs.count)
        let next = ResultSlots<Int>(count: 1)
        next.set(0, 0)
        let group = DispatchGroup()
        for _ in 0..<min(width, inputs.count) {
            group.enter()
            Thread.detachNewThread {
                while let index = next.takeNext(limit: inputs.count) {
                    results.set(index, body(inputs[index]))
                }
                group.leave()
            }
        }
        group.wait()
        return results.values()
    }
}

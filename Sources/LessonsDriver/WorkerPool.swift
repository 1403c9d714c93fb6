import Foundation

/// Runs a function over a list on a fixed number of threads, keeping the results in the list's order.
struct WorkerPool: Sendable {
    let width: Int

    func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ body: @escaping @Sendable (Input) -> Output) -> [Output] {
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

/// Thread-safe slots for results.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

extension ResultSlots where Value == Int {
    /// Takes the next index to work on, or nil when all are taken.
    func takeNext(limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        let index = slots[0]!
        guard index < limit else { return nil }
        slots[0] = index + 1
        return index
    }
}

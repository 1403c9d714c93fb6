import Foundation

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

/// One number per part of a split minibatch (``GradientShard``), each written by the thread that computes its part
/// and read after every part is done.
final class ShardResults: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Double>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: 0, count: count)
    }

    deinit { slots.deallocate() }

    /// Sets part `shard`'s number (from that part's thread only).
    func set(_ shard: Int, _ value: Double) { slots[shard] = value }

    /// The numbers in part order.
    var values: [Double] { Array(UnsafeBufferPointer(start: slots, count: count)) }
}

/// The number of rebuilds so far; pages reload when it changes.
actor BuildCounter {
    private(set) var value = 0

    func increment() { value += 1 }

    /// The counter once it is past `known`, or as it is after `seconds`; it is looked at every 5 ms.
    func value(after known: Int, waitingAtMost seconds: Double) async -> Int {
        let clock = ContinuousClock(), deadline = clock.now + .milliseconds(Int(seconds * 1000))
        while value <= known && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return value
    }
}

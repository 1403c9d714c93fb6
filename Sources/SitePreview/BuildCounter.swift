/// The number of rebuilds so far; pages update when it changes. It also keeps the last build that changed more
/// than lessons' Markdown (a template, a style, a figure): a page that missed such a build reloads whole.
actor BuildCounter {
    private(set) var value = 0
    /// The last build after which an open page must reload whole (0: none yet).
    private(set) var lastFullReload = 0
    /// Requests waiting for a build after the one they know, by a number of their own.
    private var waiting: [Int: (known: Int, continuation: CheckedContinuation<Int, Never>)] = [:]
    private var nextWaiter = 0

    /// Counts a build (`lessonsOnly` when every file it was started for is a lesson's Markdown) and answers every
    /// request waiting for it at once.
    func increment(lessonsOnly: Bool) {
        value += 1
        if !lessonsOnly { lastFullReload = value }
        for (id, waiter) in waiting where waiter.known < value {
            waiting[id] = nil
            waiter.continuation.resume(returning: value)
        }
    }

    /// The counter once it is past `known`, or as it is after `seconds`.
    func value(after known: Int, waitingAtMost seconds: Double) async -> Int {
        if value > known { return value }
        let id = nextWaiter
        nextWaiter += 1
        let timeout = Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            await self?.expire(id)
        }
        defer { timeout.cancel() }
        return await withCheckedContinuation { continuation in waiting[id] = (known, continuation) }
    }

    /// Answers request `id` with the counter as it is, unless it was answered already.
    private func expire(_ id: Int) {
        guard let waiter = waiting.removeValue(forKey: id) else { return }
        waiter.continuation.resume(returning: value)
    }
}

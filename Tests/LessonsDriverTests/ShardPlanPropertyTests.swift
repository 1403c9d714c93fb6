@testable import LessonsDriver
import TestSupport
import Testing

/// Shards by expected work (issue 28): every submission in exactly one task, the same split whatever order the
/// submissions were found in, and no task heavier than the lightest by more than one submission's work.
@Suite struct ShardPlanPropertyTests {
    @Test(arguments: 0..<200)
    func sharesAreAPartitionBalancedWithinOneSubmission(seed: Int) {
        var random = TestRandom(seed: UInt64(seed))
        let count = Int(random.next() % 9) + 1
        let submissions = Int(random.next() % 60)
        // Sizes from a few bytes to the 2 MiB limit, mostly small, as a class's are.
        let sizes = (0..<submissions).map { _ in random.next() % 10 == 0 ? Int(random.next() % (2 << 20)) : Int(random.next() % 20_000) }
        let keys = (0..<submissions).map { "s\($0)" }
        let weights = sizes.map(ShardPlan.weight(bytes:))
        let tasks = ShardPlan.assign(weights: weights, keys: keys, count: count)
        #expect(tasks.count == count)
        #expect(tasks.flatMap { $0 }.sorted() == Array(0..<submissions), "each submission in exactly one task")
        let loads = tasks.map { $0.reduce(0) { $0 + weights[$1] } }
        if let heaviest = loads.max(), let lightest = loads.min(), let largest = weights.max() {
            #expect(heaviest - lightest <= largest + 1e-9, "loads \(loads)")
        }
        // Found in another order, the same tasks (each task computes its own share).
        let shuffled = Array((0..<submissions).reversed())
        let again = ShardPlan.assign(weights: shuffled.map { weights[$0] }, keys: shuffled.map { keys[$0] }, count: count)
        #expect(again.map { Set($0.map { keys[shuffled[$0]] }) } == tasks.map { Set($0.map { keys[$0] }) })
    }

    /// A class of equal submissions and one huge one: the huge one's task gets fewer others (by count, it would
    /// carry the huge one on top of an equal share).
    @Test func aHeavySubmissionTakesTheRoomOfOthers() {
        let weights = [ShardPlan.weight(bytes: 2 << 20)] + [Double](repeating: ShardPlan.weight(bytes: 4_000), count: 40)
        let tasks = ShardPlan.assign(weights: weights, keys: (0..<41).map { "s\($0 + 100)" }, count: 4)
        let heavy = tasks.firstIndex { $0.contains(0) }!
        #expect(tasks[heavy].count < 41 / 4, "\(tasks.map(\.count))")
    }
}

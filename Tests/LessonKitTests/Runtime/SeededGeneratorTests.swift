import LessonKit
import Testing

@Suite struct SeededGeneratorTests {
    /// SplitMix64's published first outputs for seed 1234567 (Vigna's reference implementation).
    @Test func splitMixMatchesTheReferenceStream() {
        var generator = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423]
        #expect((0..<3).map { _ in generator.next() } == expected)
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        var c = SeededGenerator(seed: 43)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
    }

    @Test func uniformsLieInTheUnitIntervalWithTheRightMean() {
        var generator = SeededGenerator(seed: 7)
        let draws = (0..<100_000).map { _ in generator.nextUniform() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = draws.reduce(0, +) / Double(draws.count)
        // Standard error of the mean of U(0,1) with n = 1e5 is 0.0009; allow five of them.
        #expect(abs(mean - 0.5) < 0.0045)
    }

    @Test func worksWithTheStandardLibrary() {
        var generator = SeededGenerator(seed: 3)
        let shuffled = (0..<10).shuffled(using: &generator)
        #expect(shuffled.sorted() == Array(0..<10))
        #expect(Int.random(in: 0..<5, using: &generator) < 5)
    }
}

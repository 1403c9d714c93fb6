import LessonKit
import Testing

@Suite struct CheckTests {
    @Test func approximateChecksUseTheTolerance() {
        #expect(check(1.0, approximatelyEquals: 1.0 + 1e-12))
        #expect(!check(1.0, approximatelyEquals: 1.1, tolerance: 0.05))
        #expect(check(1000.0, approximatelyEquals: 1001, tolerance: 0.01, relative: true))
        #expect(!check(Double.nan, approximatelyEquals: 0, tolerance: 1))
        #expect(check([1, 2, 3], approximatelyEquals: [1, 2, 3.0000000001]))
        #expect(!check([1, 2], approximatelyEquals: [1, 2, 3]))
        #expect(checkEqual("a", "a"))
        #expect(!check(false, "always fails"))
    }

    @Test func derivationFlagsExactlyTheWrongStep() {
        let a = 2.0, b = 3.0
        var derivation = Derivation("expand (a + b)²", tolerance: 1e-12)
        derivation.step("(a + b)²", (a + b) * (a + b))
        derivation.step("= a² + 2ab + b²", a * a + 2 * a * b + b * b)
        derivation.step("= a² - 2ab + b²  (wrong sign)", a * a - 2 * a * b + b * b)
        derivation.step("= (a - b)²", (a - b) * (a - b))
        #expect(derivation.steps.map(\.passed) == [true, true, false, true])
        #expect(!derivation.holds)
    }
}

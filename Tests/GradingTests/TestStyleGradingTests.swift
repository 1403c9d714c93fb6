import Foundation
import Grading
import Testing

/// Every way an instructor writes a test grades the student's code: the instructor's solution earns every point,
/// a wrong implementation loses some, and where the test builds an object, the untouched student copy earns
/// nothing (before the split by data flow, the checker ran the instructor's own code for everything a test did with
/// an exercise's value after its first call, and these wrong answers earned full marks).
@Suite struct TestStyleGradingTests {
    func expectGraded(_ lesson: GradingStyleLesson, wrong: [String], stubScoresZero: Bool = true) throws {
        let full = Double(lesson.grader.markup.tests.count)
        let right = try lesson.report(for: lesson.solution)
        #expect(right.points == full, "the instructor's solution: \(right.results.map(\.message))")
        for answer in wrong {
            let report = try lesson.report(for: answer)
            #expect(report.points < full, "a wrong answer earned full marks: \(answer)")
        }
        if stubScoresZero { #expect(try lesson.pointsOfTheStudentCopy() == 0, "the unchanged student copy") }
    }

    @Test func aFreeFunction() throws {
        let lesson = try GradingStyleLesson(
            exercise: "func double(_ x: Int) -> Int {\nSOLUTION\n}", solution: "    2 * x",
            tests: ["checkEqual(double(21), 42)"], hiddenTests: ["checkEqual(double(-7), -14)"])
        try expectGraded(lesson, wrong: ["    x + 2", "    x * x"])
    }

    @Test func aStructBuiltMutatedAndQueried() throws {
        let lesson = try GradingStyleLesson(
            exercise: """
                struct Tally {
                    private(set) var items: [Int] = []
                    mutating func add(_ x: Int) { items.append(x) }
                    func total() -> Int {
                SOLUTION
                    }
                }
                """,
            solution: "        items.reduce(0, +)",
            tests: ["var tally = Tally()\ntally.add(5)\ntally.add(7)\ncheckEqual(tally.total(), 12)"],
            hiddenTests: ["var t = Tally()\nfor x in [3, -1, 4] { t.add(x) }\ncheckEqual(t.total(), 6)"])
        try expectGraded(lesson, wrong: ["        items.count", "        items.first ?? 0"])
    }

    @Test func aClassFittedAndAsked() throws {
        let lesson = try GradingStyleLesson(
            exercise: """
                final class LineModel {
                    var slope = 0.0
                    var intercept = 0.0
                    func fit(_ xs: [Double], _ ys: [Double]) {
                SOLUTION
                    }
                    func predict(_ x: Double) -> Double { slope * x + intercept }
                }
                """,
            solution: """
                        let n = Double(xs.count)
                        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
                        var sxy = 0.0, sxx = 0.0
                        for (x, y) in zip(xs, ys) { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx) }
                        slope = sxy / sxx
                        intercept = my - slope * mx
                """,
            tests: ["let m = LineModel()\nm.fit([0, 1, 2], [1, 3, 5])\ncheck(abs(m.predict(3) - 7) < 1e-9, \"predict(3)\")"])
        try expectGraded(lesson, wrong: ["        slope = 2", "        slope = 1; intercept = 1"])
    }

    @Test func aFunctionThatReturnsAClosure() throws {
        let lesson = try GradingStyleLesson(
            exercise: "func makeScaler(_ k: Double) -> (Double) -> Double {\nSOLUTION\n}",
            solution: "    { k * $0 }",
            tests: ["let triple = makeScaler(3)\ncheck(abs(triple(2) - 6) < 1e-12)\ncheck(abs(makeScaler(-1)(4) + 4) < 1e-12)"])
        try expectGraded(lesson, wrong: ["    { k + $0 }", "    { $0 }"])
    }

    @Test func anInoutFunctionCheckedAfterwards() throws {
        let lesson = try GradingStyleLesson(
            exercise: "func normalize(_ xs: inout [Double]) {\nSOLUTION\n}",
            solution: "    let total = xs.reduce(0, +)\n    xs = xs.map { $0 / total }",
            tests: ["var xs = [1.0, 3.0]\nnormalize(&xs)\ncheck(xs, approximatelyEquals: [0.25, 0.75])"])
        try expectGraded(lesson, wrong: ["    let top = xs.max()!\n    xs = xs.map { $0 / top }", "    xs = xs.map { $0 }"])
    }

    @Test func aGenericFunction() throws {
        let lesson = try GradingStyleLesson(
            exercise: "func largest<T: Comparable>(_ xs: [T]) -> T {\nSOLUTION\n}", solution: "    xs.max()!",
            tests: ["checkEqual(largest([3, 9, 2]), 9)\ncheckEqual(largest([\"b\", \"c\", \"a\"]), \"c\")"])
        try expectGraded(lesson, wrong: ["    xs[0]", "    xs.min()!"])
    }

    @Test func aThrowingFunctionWhoseErrorIsChecked() throws {
        let lesson = try GradingStyleLesson(
            exercise: "enum CountError: Error { case negative(Int) }\nfunc parseCount(_ text: String) throws -> Int {\nSOLUTION\n}",
            solution: "    let value = Int(text) ?? 0\n    if value < 0 { throw CountError.negative(value) }\n    return value",
            tests: [
                "do {\n    _ = try parseCount(\"-3\")\n    check(false, \"a negative count should throw\")\n} catch {\n    checkEqual(\"\\(error)\", \"negative(-3)\")\n}",
                "checkEqual(try parseCount(\"12\"), 12)",
            ])
        try expectGraded(lesson, wrong: ["    Int(text) ?? 0", "    throw CountError.negative(0)"])
    }

    @Test func aPropertyOverManyRandomInputs() throws {
        let lesson = try GradingStyleLesson(
            exercise: "import Foundation\nfunc logistic(_ x: Double) -> Double {\nSOLUTION\n}",
            solution: "    x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))",
            tests: ["""
                var rng = SeededGenerator(seed: 11)
                for _ in 0..<200 {
                    let x = Double.random(in: -30...30, using: &rng)
                    check(abs(logistic(x) - 1 / (1 + exp(-x))) < 1e-12, "logistic at \\(x)")
                }
                """])
        try expectGraded(lesson, wrong: ["    1 / (1 + exp(x))", "    x > 5 ? 0.5 : 1 / (1 + exp(-x))"])
    }

    @Test func aHelperInAnEarlierCellThatCallsTheStudentsCode() throws {
        let lesson = try GradingStyleLesson(
            exercise: "import Foundation\nfunc logistic(_ x: Double) -> Double {\nSOLUTION\n}",
            solution: "    1 / (1 + exp(-x))",
            locked: "func agreesWithReference(_ x: Double) -> Bool {\n    abs(logistic(x) - 1 / (1 + exp(-x))) < 1e-12\n}",
            tests: ["for x in [-3.0, 0, 2, 7] {\n    check(agreesWithReference(x), \"at \\(x)\")\n}"])
        try expectGraded(lesson, wrong: ["    x > 5 ? 1 : 1 / (1 + exp(-x))", "    0.5"])
    }

    @Test func aLockedCellComputingWithTheStudentsCode() throws {
        let lesson = try GradingStyleLesson(
            exercise: "func double(_ x: Int) -> Int {\nSOLUTION\n}", solution: "    2 * x",
            locked: "let table = (1...4).map { double($0) }\nprint(table)",
            tests: ["checkEqual(table, [2, 4, 6, 8])"])
        try expectGraded(lesson, wrong: ["    x + 2", "    x == 4 ? 9 : 2 * x"])
    }

    @Test func aLockedCellBuildingAnObjectTheTestsAsk() throws {
        let lesson = try GradingStyleLesson(
            exercise: "struct Counter {\n    var count = 0\n    mutating func bump() {\nSOLUTION\n    }\n}",
            solution: "        count += 1",
            locked: "var counter: Counter = Counter()\nfor _ in 0..<3 { counter.bump() }",
            tests: ["checkEqual(counter.count, 3)"])
        try expectGraded(lesson, wrong: ["        count += 2", "        count = 1"])
    }

    @Test func partialCredit() throws {
        let lesson = try GradingStyleLesson(
            exercise: "func double(_ x: Int) -> Int {\nSOLUTION\n}", solution: "    2 * x",
            tests: ["""
                var correct = 0
                for x in 1...10 where double(x) == 2 * x { correct += 1 }
                LessonRuntime.reportPartialCredit(Double(correct) / 10)
                """])
        let half = try lesson.report(for: "    x > 5 ? x : 2 * x")
        #expect(half.points == 0.5, "\(half.results.map(\.message))")
        try expectGraded(lesson, wrong: ["    x"])
    }

    @Test func aTestThatExaminesAnObjectItselfIsRefusedAtItsLine() throws {
        let text = GradingStyleLesson.text(
            exercise: "struct Tally: Equatable {\n    var items: [Int] = []\n    mutating func add(_ x: Int) {\nSOLUTION\n    }\n}",
            solution: "        items.append(x)", locked: nil,
            tests: ["var tally = Tally()\ntally.add(5)\ncheckEqual(tally, Tally(items: [5]))"], hiddenTests: [])
        #expect {
            _ = try GradingStyleLesson.grader(for: text)
        } throws: { error in
            let description = String(describing: error)
            return description.contains("Lessons/style.md:24:12:") && description.contains("not a value")
        }
    }

    @Test func anUnannotatedObjectInALockedCellIsRefusedAtItsLine() throws {
        let text = GradingStyleLesson.text(
            exercise: "struct Counter {\n    var count = 0\n    mutating func bump() {\nSOLUTION\n    }\n}",
            solution: "        count += 1", locked: "var counter = Counter()\ncounter.bump()",
            tests: ["checkEqual(counter.count, 1)"], hiddenTests: [])
        #expect {
            _ = try GradingStyleLesson.grader(for: text)
        } throws: { error in
            let description = String(describing: error)
            return description.contains("Lessons/style.md:19:1:") && description.contains("type annotation")
        }
    }
}

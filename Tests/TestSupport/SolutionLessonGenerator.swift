/// Instructor's lessons with generated solutions (typed locals, nested functions, closures, loops, top-level
/// lets and functions, in function, closure and method bodies and at the top level), each line holding a literal
/// and names of its own, so that a leak into a student copy or the site cannot hide.
public enum SolutionLessonGenerator {
    /// A generated instructor's lesson: its text, and each solution region's lines with the literals they hold.
    public struct Generated {
        public var text: String
        /// Every line inside a solution region, with whether a stub may keep it on purpose (the signature of a
        /// function declared at the top level of a cell, which later cells call).
        public var solutionLines: [(line: String, keptOnPurpose: Bool)]
        public var literals: [String]
        /// Names declared inside bodies of code (typed locals, nested functions, closures): none may reach the copy.
        public var localNames: [String]
    }

    /// Writes solutions whose every line holds a literal of its own, so a leaked line cannot hide.
    struct Writer {
        var random: TestRandom
        var counter = 0
        var literals: [String] = []
        var localNames: [String] = []

        mutating func literal() -> String {
            counter += 1
            let value = "\(7_000 + counter * 13 + Int(random.next() % 13)).\(10 + Int(random.next() % 89))"
            literals.append(value)
            return value
        }

        /// Statements of a body: typed locals, nested functions, closures, loops; `x` is in scope.
        mutating func body(_ tag: String) -> [String] {
            var lines: [String] = []
            for index in 0..<(1 + Int(random.next() % 4)) {
                let name = "\(tag)_\(index)"
                localNames += ["means_", "scale_", "helper_", "t_", "g_", "h_"].map { $0 + name }
                switch random.next() % 6 {
                case 0: lines.append("var means_\(name): [Double] = [\(literal()), x]")
                case 1: lines.append("let scale_\(name): Double = x * \(literal())")
                case 2: lines += ["func helper_\(name)(_ y: Double) -> Double {", "    let t_\(name): Double = y + \(literal())",
                                  "    return t_\(name) * \(literal())", "}"]
                case 3: lines.append("let g_\(name): (Double) -> Double = { $0 - \(literal()) }")
                case 4: lines += ["let h_\(name) = { (y: Double) -> Double in", "    y / \(literal())", "}"]
                default: lines += ["for v in [x, \(literal())] {", "    _ = v + \(literal())", "}"]
                }
            }
            return lines + ["return x * \(literal())"]
        }
    }

    /// The lesson made from `seed`: one to three exercises, each with a solution region in a function's body, a
    /// closure's body, a method's body or at the top level, and a test cell each.
    public static func generate(seed: UInt64) -> Generated {
        var writer = Writer(random: TestRandom(seed: seed))
        var text = "---\ntitle: Generated\n---\n\n"
        var solutionLines: [(String, Bool)] = []
        for exercise in 0..<(1 + Int(writer.random.next() % 3)) {
            let indent = writer.random.chance(0.5) ? "    " : "  "
            var cell = ["//| exercise: e\(exercise)"]
            switch writer.random.next() % 4 {
            case 0:  // in a function's body
                let body = writer.body("f\(exercise)")
                cell += ["func f\(exercise)(_ x: Double) -> Double {", indent + "// BEGIN SOLUTION"]
                cell += body.map { indent + $0 } + [indent + "// END SOLUTION", "}"]
                solutionLines += body.map { ($0, false) }
            case 1:  // in a closure's body at the top level
                let body = writer.body("c\(exercise)")
                cell += ["let f\(exercise): (Double) -> Double = { x in", indent + "// BEGIN SOLUTION"]
                cell += body.map { indent + $0 } + [indent + "// END SOLUTION", "}"]
                solutionLines += body.map { ($0, false) }
            case 2:  // in a method's body
                let body = writer.body("m\(exercise)")
                cell += ["struct Model\(exercise) {", "    func f(_ x: Double) -> Double {", "        // BEGIN SOLUTION"]
                cell += body.map { "        " + $0 } + ["        // END SOLUTION", "    }", "}"]
                solutionLines += body.map { ($0, false) }
            default:  // at the top level: typed lets and vars, and functions (whose signatures stay)
                var region = ["let answer\(exercise): Double = \(writer.literal())",
                              "var table\(exercise): [Double] = [\(writer.literal()), \(writer.literal())]"]
                let body = writer.body("t\(exercise)")
                region += ["func top\(exercise)(_ x: Double) -> Double {"] + body.map { "    " + $0 } + ["}"]
                cell += ["// BEGIN SOLUTION"] + region + ["// END SOLUTION"]
                solutionLines += region.map { ($0, $0.hasPrefix("func top")) }
            }
            text += "```{swift}\n" + cell.joined(separator: "\n") + "\n```\n\n"
            text += "```{swift}\n//| test: e\(exercise)\n//| points: 1\nprint(\(exercise))\n```\n\n"
        }
        return Generated(
            text: text, solutionLines: solutionLines, literals: writer.literals, localNames: writer.localNames)
    }
}

public import LessonRuntimeProtocol

/// A derivation checked step by step: every step's value must equal the previous step's.
///
/// Write the chain of equalities you display in the lesson, evaluated on a model where every term can be
/// computed. A wrong step (a flipped sign, a missing term) fails the cell at that step's own line:
///
/// ```swift
/// var kl = Derivation("KL(q || p(z|x)) in terms of the ELBO", tolerance: 1e-9)
/// kl.step("KL(q || p(z|x))", exactKL)
/// kl.step("= E_q[log q(z)] - E_q[log p(z|x)]", entropyTerm - posteriorTerm)
/// kl.step("= E_q[log q(z)] - E_q[log p(z, x)] + log p(x)", entropyTerm - jointTerm + logEvidence)
/// kl.step("= log p(x) - ELBO(q)", logEvidence - elbo)
/// show(kl)   // a table of the steps with their values
/// ```
public struct Derivation: Displayable {
    /// One line of the derivation.
    public struct Step: Sendable {
        public var label: String
        public var value: Double
        public var passed: Bool
    }

    public let title: String
    public let tolerance: Double
    public let relative: Bool
    public private(set) var steps: [Step] = []

    /// Starts a derivation; steps must agree within `tolerance` (relative to the previous value if `relative`).
    public init(_ title: String, tolerance: Double = 1e-9, relative: Bool = false) {
        self.title = title
        self.tolerance = tolerance
        self.relative = relative
    }

    /// Adds a step: `value` is this line of the derivation evaluated numerically; it is checked against the
    /// previous step's value, and a mismatch fails the cell at this call's line.
    @discardableResult
    public mutating func step(_ label: String, _ value: Double, file: String = #filePath, line: Int = #line) -> Bool {
        var passed = true
        if let previous = steps.last {
            passed = check(
                value, approximatelyEquals: previous.value, tolerance: tolerance, relative: relative,
                "\(title), step \(steps.count + 1) \"\(label)\" does not equal the step before \"\(previous.label)\"",
                file: file, line: line)
        }
        steps.append(Step(label: label, value: value, passed: passed))
        return passed
    }

    /// Whether every step agreed with the one before.
    public var holds: Bool { steps.allSatisfy(\.passed) }

    public var displayRecord: DisplayRecord {
        Table(["step", "value", "agrees"], rows: steps.enumerated().map { index, step in
            [step.label, step.value, index == 0 ? "" : (step.passed ? "yes" : "NO")]
        }).displayRecord
    }
}

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
        /// The step as written in the lesson, e.g. `= E_q[log p(z,x)] − E_q[log q(z)]`.
        public var label: String
        /// The step's value on the model.
        public var value: Double
        /// Whether it equals the previous step's value within the tolerance (the first step always passes).
        public var passed: Bool
    }

    /// What is derived, shown above the table of steps.
    public let title: String
    /// How far apart two consecutive steps may be.
    public let tolerance: Double
    /// Whether `tolerance` is relative to the previous step's magnitude.
    public let relative: Bool
    /// The steps so far, in order.
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

    /// A table of the steps, their values and whether each agrees with the one before.
    public var displayRecord: DisplayRecord {
        Table(["step", "value", "agrees"], rows: steps.enumerated().map { index, step in
            [step.label, step.value, index == 0 ? "" : (step.passed ? "yes" : "NO")]
        }).displayRecord
    }
}

import Testing

/// A source mutation that must make one `check` of a lesson fail: `find` (exactly once in the lesson, on one
/// line) becomes `replace`, upstream of the check, in the computation of the quantity the check examines. A
/// check that a mutation cannot fail is vacuous: it holds by construction (as `ELBO + KL = log p(x)` does
/// when the posterior is defined as `exp(log p(z, x) − log p(x))`).
struct CheckMutation: Sendable, CustomTestStringConvertible {
    /// The lesson file, e.g. `05-variational-families.md`.
    let lesson: String
    /// Text that occurs on exactly one check line of the lesson: the check that must fail.
    let check: String
    /// The text to change (exactly once in the lesson, within one line) and what it becomes.
    let find: String
    let replace: String

    var testDescription: String { "\(lesson): \(check)" }
}

/// A check no mutation of the lesson's own code can reach, and why (each is still exercised: see `reason`).
struct UnmutatedCheck: Sendable {
    let lesson: String
    let check: String
    let reason: String
}

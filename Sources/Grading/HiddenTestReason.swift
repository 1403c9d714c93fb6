/// Why a hidden test failed, as far as the student may know: one of a few fixed sentences.
///
/// A hidden test's result carries its name, its points, whether it passed and at most one of these reasons:
/// never a check's message, the values it compared, a compiler diagnostic, or anything the student's code printed
/// or trapped with, since each of them may quote the hidden test's inputs or expected values (Kattis shows only
/// "Wrong Answer"; Otter hides a hidden case's output).
public enum HiddenTestReason: String, Sendable, CaseIterable {
    /// A check of the test failed, or the checker could not use a value the submission sent.
    case checkFailed = "a check failed"
    /// The student's code trapped, exited or was killed while the test ran.
    case codeStopped = "your code stopped (a trap, an exit or a signal) during this test"
    /// The test's cell ran past its time limit.
    case timedOut = "your code ran past this test's time limit"
    /// The test does not compile against the student's code (a changed signature, say).
    case doesNotCompile = "this test does not compile with your code"
    /// The program ended, ran out of time or memory, or sent too much before the test ran.
    case programStopped = "your program stopped before this test ran"
    /// The exercise's code could not be used (it did not compile, or stopped the program).
    case exerciseUnusable = "your code for this exercise could not be used"
    /// The test did not run.
    case notRun = "this test did not run"
}

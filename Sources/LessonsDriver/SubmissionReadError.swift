import Foundation

/// A submission that could not be read for a reason that is not the submission's own (it vanished, permissions,
/// too many open files): it is reported, not graded and not recorded.
struct SubmissionReadError: Error, CustomStringConvertible {
    var path: String
    var code: Int32

    var description: String { "cannot read \(path): \(String(cString: strerror(code)))" }
}

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Synchronization

/// The host user (and group) one sandboxed run executes as when the grader is root: a user of its own, like
/// `isolate`'s box users, so that what the kernel counts per user (`RLIMIT_NPROC`: every process of that user on
/// the host, through every user namespace) is counted per submission. With one shared user (`nobody`), a fork
/// bomb in one submission used up the count and sandboxes started meanwhile, by the same grader or another,
/// failed with "bwrap: Creating new namespace failed: Resource temporarily unavailable".
///
/// Ids come from a range no system assigns to people (`0x4000_0000` and up): the grader's process id picks a
/// block of 64, and each run of this grader the next id in it; live graders have distinct process ids, so two
/// runs share a user only when one grader has more than 64 runs at once.
public struct SandboxUser: Sendable, Equatable {
    /// The user id, also used as the group id.
    public let id: UInt32

    static let firstID: UInt32 = 0x4000_0000
    static let idsPerGrader: UInt32 = 64
    private static let runs = Atomic<UInt32>(0)

    /// The next user for a run of this grader.
    public static func next() -> SandboxUser {
        let run = runs.add(1, ordering: .relaxed).oldValue % idsPerGrader
        let block = UInt32(truncatingIfNeeded: getpid()) & 0x3F_FFFF  // pid_max is at most 2^22
        return SandboxUser(id: firstID + block * idsPerGrader + run)
    }
}

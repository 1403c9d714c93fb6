#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// How the submissions of one lesson are split among the tasks of a batch job (`--shard I/N`, Slurm arrays): by
/// expected work, not by count, and the same way in every task, which each computes its own share.
///
/// A submission's expected work is one unit (its compile and run, the same program for every student of a lesson)
/// plus its size in units of 64 KiB (a longer submission takes longer to read, check and compile; a lesson is some
/// 10-40 KiB). Submissions are dealt largest first, each to the task with the least work so far (ties to the lower
/// task, then student order), so no task ends with more than the lightest one plus one submission's work.
enum ShardPlan {
    /// Expected work of a submission of `bytes` bytes.
    static func weight(bytes: Int) -> Double { 1 + Double(max(0, bytes)) / 65_536 }

    /// The bytes of `file` as found on disk (a link or an unreadable file counts as empty: it is graded 0 at once).
    static func bytes(of file: SubmissionFile) -> Int {
        var status = stat()
        guard lstat(file.url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return 0 }
        return Int(status.st_size)
    }

    /// The indices (into `weights`) of each of `count` tasks, each in ascending order.
    static func assign(weights: [Double], keys: [String], count: Int) -> [[Int]] {
        precondition(count >= 1 && weights.count == keys.count)
        let order = weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : keys[$0] < keys[$1] }
        var loads = [Double](repeating: 0, count: count)
        var tasks = [[Int]](repeating: [], count: count)
        for index in order {
            let lightest = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 }!
            loads[lightest] += weights[index]
            tasks[lightest].append(index)
        }
        return tasks.map { $0.sorted() }
    }

    /// Task `index` (1-based) of `count`'s submissions, in student order.
    static func shard(_ files: [SubmissionFile], index: Int, count: Int) -> [SubmissionFile] {
        let weights = files.map { weight(bytes: bytes(of: $0)) }
        return assign(weights: weights, keys: files.map(\.student), count: count)[index - 1].map { files[$0] }
    }
}

import Crypto
import Foundation
import LessonModel
import LessonRuntimeProtocol

/// Where LessonKit keeps trained models for `lessons run`, and what it must know to reuse one: the program's
/// source, seed and skipped cells, with the toolchain and LessonKit (`salt`). LessonKit adds the training call's
/// own inputs (docs/format.md, "Trained models are cached").
public struct TrainingCacheSetting: Sendable {
    /// The cache's folder.
    public var folder: String
    /// The toolchain's and LessonKit's fingerprint: a program compiled by another toolchain or against another
    /// LessonKit trains again.
    public var salt: String
    /// Train again and overwrite the entries (`lessons run --force`).
    public var refresh: Bool

    /// Creates the setting.
    public init(folder: String, salt: String, refresh: Bool) {
        self.folder = folder
        self.salt = salt
        self.refresh = refresh
    }

    /// The program's environment for the cache: the folder, the program's identity, and the mode.
    func environment(program: String, seed: UInt64, skipped: Set<Int>) -> [String: String] {
        var hasher = SHA256()
        for part in [salt, Self.withoutLineNumbers(program), String(seed), skipped.sorted().map(String.init).joined(separator: ",")] {
            hasher.update(data: Data(part.utf8))
            hasher.update(data: Data([0]))
        }
        let identity = hasher.finalize().hexDigits
        var environment = [
            RuntimeEnvironment.trainingCache: folder, RuntimeEnvironment.trainingCacheIdentity: identity,
        ]
        if refresh { environment[RuntimeEnvironment.trainingCacheMode] = "refresh" }
        return environment
    }

    /// `program` without the lesson's line numbers in its `#sourceLocation` directives: they move when outputs
    /// are written or cleared, and the same cells with outputs and without are the same program.
    static func withoutLineNumbers(_ program: String) -> String {
        program.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("#sourceLocation(file: ") ? "#sourceLocation(file: …)" : $0 }
            .joined(separator: "\n")
    }
}

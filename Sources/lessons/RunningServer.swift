import Foundation

/// Runs a server (`lessons preview`, `lessons grades serve`) from a synchronous command until it stops.
enum RunningServer {
    /// Runs `serve` to its end and returns its error as text, nil when it ended without one.
    static func wait(_ serve: @escaping @Sendable () async throws -> Void) -> String? {
        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        Task {
            do {
                try await serve()
            } catch {
                failure.message = "\(error)"
            }
            done.signal()
        }
        done.wait()
        return failure.message
    }
}

/// Carries the server's error out of its task.
private final class Failure: @unchecked Sendable {
    var message: String?
}

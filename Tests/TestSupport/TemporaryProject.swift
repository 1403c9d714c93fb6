public import Foundation

/// A project folder with a `Lessons/` folder in the temporary directory, removed by ``remove()``.
public struct TemporaryProject {
    public let root: URL

    /// Creates an empty project in the temporary directory, or in `parent`.
    public init(in parent: URL = FileManager.default.temporaryDirectory) throws {
        root = parent.appendingPathComponent("lessons-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
    }

    /// Writes a lesson `name` (e.g. `01-a.md`) and returns its URL.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> URL {
        let url = root.appendingPathComponent("Lessons").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The text of lesson `name`.
    public func read(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Lessons").appendingPathComponent(name), encoding: .utf8)
    }

    /// Deletes the folder.
    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

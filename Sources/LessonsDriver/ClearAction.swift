import FileSafety
public import Foundation
import LessonModel
import LessonParsing
import LessonWriting

/// `lessons clear`: removes every generated output block and the lesson's figures.
public struct ClearAction: Sendable {
    public let layout: ProjectLayout

    /// Creates the action.
    public init(layout: ProjectLayout) { self.layout = layout }

    /// Clears `files`; returns the exit code.
    public func run(_ files: [URL]) -> Int32 {
        var failed = false
        for file in files {
            let displayPath = layout.displayPath(of: file)
            guard let original = FileManager.default.contents(atPath: file.path).map(Array.init) else {
                report("\(displayPath):1:1: error: cannot read the lesson file")
                failed = true
                continue
            }
            let (parsed, diagnostics) = LessonParser.parse(original, displayPath: displayPath)
            diagnostics.forEach { report($0.description) }
            guard let lesson = parsed else { failed = true; continue }
            do {
                let cleared = OutputSplicer.clear(lesson)
                if cleared != original { try AtomicFile.write(cleared, to: file) }
                try FigureWriter(lessonFile: file, lesson: lesson).removeAll()
                report("\(displayPath): cleared")
            } catch {
                report("\(displayPath):1:1: error: cannot write the lesson (\(FileError.reason(of: error)))")
                failed = true
            }
        }
        return failed ? 1 : 0
    }

    private func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

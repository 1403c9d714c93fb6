import FileSafety
import Foundation
import LessonModel

/// Writes a lesson's figures as SVG files in `figures/<lesson>/` beside it, and removes figures that no cell
/// produces any more.
struct FigureWriter {
    let lessonFile: URL
    let lesson: Lesson

    var folder: URL {
        lessonFile.deletingLastPathComponent().appendingPathComponent(FigurePath.folder(lesson: lesson.name))
    }

    func write(_ results: [(CodeCell, CellOutput)]) throws {
        var wanted: [String: String] = [:]
        for (cell, output) in results {
            var number = 0
            for case .figure(let svg, _) in output.items {
                number += 1
                let relative = FigurePath.relative(lesson: lesson.name, cellId: cell.id, number: number)
                wanted[(relative as NSString).lastPathComponent] = svg.hasSuffix("\n") ? svg : svg + "\n"
            }
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in existing where name.hasSuffix(".svg") && wanted[name] == nil {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        guard !wanted.isEmpty else {
            if existing.allSatisfy({ $0.hasSuffix(".svg") }) { try? FileManager.default.removeItem(at: folder) }
            return
        }
        try Folder.make(folder.path, shownAs: folder.path)
        for (name, svg) in wanted.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(name)
            let bytes = Array(svg.utf8)
            if FileManager.default.contents(atPath: url.path).map(Array.init) != bytes {
                try AtomicFile.write(bytes, to: url)
            }
        }
    }

    /// Removes the lesson's figure folder (for `lessons clear`).
    func removeAll() throws {
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
    }
}

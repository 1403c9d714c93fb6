import Foundation
import LessonModel

/// `--json`: one line per cell with its lesson, id, file:line, status, duration and message, and one line per
/// inline expression that failed (id `inline`, at its file:line:column).
enum JSONRecords {
    struct Record: Encodable {
        var lesson: String
        var id: String
        var location: String
        var status: String
        var duration: Double
        var message: String?
    }

    static func print(_ reports: [LessonReport]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = ""
        func append(_ record: Record) {
            if let data = try? encoder.encode(record) { output += String(decoding: data, as: UTF8.self) + "\n" }
        }
        for report in reports {
            for cell in report.cells {
                let (status, message): (String, String?) = switch cell.outcome {
                case .succeeded: ("ok", nil)
                case .failedAsExpected: ("failed-as-expected", nil)
                case .failed(let message, _, _): ("failed", message)
                case .notRun(let reason): ("not-run", reason)
                }
                append(Record(
                    lesson: report.displayPath, id: cell.id, location: "\(report.displayPath):\(cell.line)",
                    status: status, duration: (cell.duration * 1000).rounded() / 1000, message: message))
            }
            for diagnostic in report.diagnostics where diagnostic.identifier == "inline.failed" {
                append(Record(
                    lesson: report.displayPath, id: "inline", location: "\(diagnostic.location)", status: "failed",
                    duration: 0, message: diagnostic.message))
            }
            if report.cells.isEmpty {
                append(Record(
                    lesson: report.displayPath, id: "", location: report.displayPath, status: report.status.rawValue,
                    duration: 0, message: report.diagnostics.first?.message))
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

// `lessons grades serve` on a generated class (bench/grades-serve/run.sh):
//   GradesServeBench generate STUDENTS FOLDER [--hostile]
//                                                writes FOLDER/Lessons/means.md and FOLDER/gradebook.sqlite
//                                                (GeneratedClass), for the browser test and by hand;
//                                                --hostile adds a student named <img src=x onerror=alert(9)>
//   GradesServeBench time STUDENTS RUNS          generates a class in a temporary folder, serves it in process on
//                                                127.0.0.1 (any free port), and for RUNS answers opens the answer in
//                                                grade by question and saves a score, printing the server's time of
//                                                each (its Server-Timing header) and the medians
import Foundation
import GradingServer
import TestSupport

let arguments = CommandLine.arguments
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}
let hostile = arguments.count == 5 && arguments[1] == "generate" && arguments[4] == "--hostile"
guard arguments.count == 4 || hostile, let students = Int(arguments[2]), students > 0, ["generate", "time"].contains(arguments[1]) else {
    fail("usage: GradesServeBench generate STUDENTS FOLDER [--hostile] | GradesServeBench time STUDENTS RUNS")
}

if arguments[1] == "generate" {
    let folder = URL(fileURLWithPath: arguments[3])
    guard !FileManager.default.fileExists(atPath: folder.appendingPathComponent("gradebook.sqlite").path) else {
        fail("\(arguments[3]) already has a gradebook.sqlite: give a new folder")
    }
    try GeneratedClass.write(students: students, into: folder, hostile: hostile)
    print("wrote a class of \(students) students to \(arguments[3]) (Lessons/means.md, gradebook.sqlite)")
    exit(0)
}

guard let runs = Int(arguments[3]), runs >= 3 else { fail("RUNS must be at least 3") }
try await ServerTiming.run(students: students, runs: runs)

import Foundation
import LessonExecution
import LessonFingerprint
import LessonModel
import LessonParsing
import LessonWriting

/// Writes the generated lesson of about `megabytes` MB to `path` with every output block in place and its hashes
/// those `lessons run` computes with this package's compiler and LessonKit, so that `lessons run` finds it up to
/// date (bench/large). Exits with a message when the lesson does not parse.
func writeLargeLesson(megabytes: Double, path: String) throws {
    let bytes = Array(generatedLesson(bytes: Int(megabytes * 1_000_000)).utf8)
    guard let lesson = LessonParser.parse(bytes, displayPath: path).0 else {
        fatalError("the generated lesson does not parse")
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let buildDirectory = executable.deletingLastPathComponent()
    let packageRoot = LessonKitLocation.findPackageRoot(above: buildDirectory)
    let toolchain = try Toolchain.locate(cacheDirectory: packageRoot?.appendingPathComponent(".build/lessons-cache"))
    let libraryDirectory = (try? LessonKitLocation.locate(executable: executable))?.libraryDirectory ?? buildDirectory.path
    let fingerprint = Fingerprint(
        toolchainVersion: toolchain.version,
        lessonKit: Fingerprint.lessonKit(packageRoot: packageRoot, libraryDirectory: libraryDirectory))
    let hashes = fingerprint.cellHashes(for: lesson, seed: Fingerprint.seed(for: lesson))
    var blocks: [Int: [String]] = [:]
    for (cell, hash) in zip(lesson.cells, hashes) {
        let output = CellOutput(outcome: .succeeded, items: [.standardOutput("2475.0\n")])
        blocks[cell.index] = OutputRenderer.lines(for: output, cell: cell, lesson: lesson.name, hash: hash)
    }
    try Data(OutputSplicer.splice(lesson, blocks: blocks)).write(to: URL(fileURLWithPath: path))
}

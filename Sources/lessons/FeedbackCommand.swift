import ArgumentParser
import Foundation
import LessonsDriver

/// `lessons feedback`: one HTML page per student and lesson.
struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Write one feedback page per student and lesson: code, tests with points and messages, comments, total.",
        discussion: """
            Each name becomes a folder or file name with every byte outside A-Z, a-z, 0-9, '.', '_' and '-' \
            (and a leading '.') percent-encoded, so two students never share a folder ('a x' is a%20x, 'a_x' \
            stays a_x). Two students whose names differ only in case would share one on a case-insensitive \
            disk: that is an error, and nothing is written.
            """
    )

    @Option var gradebook = "gradebook.sqlite"
    @Option(help: "The folder to write <student>/<lesson>.html to.") var out = "feedback"

    func run() throws {
        var count = 0
        try reportingErrors {
            count = try GradesActions.writeFeedback(
                gradebook: URL(fileURLWithPath: gradebook), output: URL(fileURLWithPath: out),
                lessons: ProjectLayout.discover().lessonsDirectory)
        }
        let folder = out.hasSuffix("/") ? out : out + "/"
        FileHandle.standardError.write(Data("wrote \(count) feedback page(s) to \(folder)\n".utf8))
    }
}

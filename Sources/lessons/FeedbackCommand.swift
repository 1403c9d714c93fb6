import ArgumentParser
import Foundation
import LessonsDriver

/// `lessons feedback`: one HTML page per student and lesson.
struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Write one feedback page per student and lesson: code, tests with points and messages, comments, total."
    )

    @Option var gradebook = "gradebook.sqlite"
    @Option(help: "The folder to write <student>/<lesson>.html to.") var out = "feedback"

    func run() throws {
        let count = try GradesActions.writeFeedback(gradebook: URL(fileURLWithPath: gradebook), output: URL(fileURLWithPath: out))
        FileHandle.standardError.write(Data("wrote \(count) feedback page(s) to \(out)/\n".utf8))
    }
}

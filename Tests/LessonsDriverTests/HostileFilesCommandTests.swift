import Foundation
import Testing
import TestSupport

/// Issue 15, "done when", end to end: on files of arbitrary bytes (``HostileMarkdownGenerator``), and on outputs
/// with raw carriage returns as earlier versions wrote them, no command of the built `lessons` dies of a signal.
@Suite(.serialized) struct HostileFilesCommandTests {
    @Test func noCommandDiesOfASignalOnHostileFiles() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let generator = HostileMarkdownGenerator()
        for seed in UInt64(0)..<60 {
            let url = project.root.appendingPathComponent("Lessons/\(String(format: "%02d", seed))-hostile.md")
            try Data(generator.document(seed: seed)).write(to: url)
        }
        // What the runner wrote before it rendered carriage returns: a progress bar's raw bytes in the fence.
        try project.write("99-legacy.md", "---\ntitle: Legacy\n---\n\n```{swift}\nprint(1)\n```\n\n"
            + "<!-- lessons:output id=cell-1 hash=abc status=ok -->\n\n```output\n\rtraining 1%\rtraining 2%\n```\n\n"
            + "<!-- lessons:end -->\n\nAfter `{swift} 1`.\n")
        let lessons = LessonsCommandRunner(project: project)
        for arguments in [["check", "--all"], ["run", "--all", "--check"], ["build", "--keep-going"], ["clear", "--all"],
            ["run", "--all", "--check"], ["check", "--all"]]
        {
            let result = try lessons.run(arguments, timeout: 300)
            #expect(!result.signalled, "\(arguments) died of a signal: \(result.standardError.suffix(2000))")
            #expect(result.status == 0 || result.status == 1, "\(arguments): status \(result.status)")
        }
    }
}

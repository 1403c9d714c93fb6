public import Foundation

/// The folder SwiftPM built this test binary into, which also holds `lessons` and `libLessonKit.so`.
public enum BuildProducts {
    /// e.g. `<package>/.build/x86_64-unknown-linux-gnu/debug`.
    public static var directory: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" && !url.lastPathComponent.hasSuffix(".xctest") && url.lastPathComponent != "debug"
            && url.lastPathComponent != "release"
        {
            url = url.deletingLastPathComponent()
        }
        if url.lastPathComponent.hasSuffix(".xctest") { url = url.deletingLastPathComponent() }
        return url
    }

    /// The built `lessons` executable.
    public static var lessonsExecutable: URL { directory.appendingPathComponent("lessons") }
}

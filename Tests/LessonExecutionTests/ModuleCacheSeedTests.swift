import Foundation
@testable import LessonExecution
import TestSupport
import Testing

/// A submission's sandboxed compile starts from the grader's module cache (issue 21: without it, every submission
/// rebuilt the C library's and LessonKit's Clang modules, which doubled the cost of grading), and its copy of the
/// cache is its own: the files it shares with the seed are ones its user cannot change.
@Suite struct ModuleCacheSeedTests {
    static func files(under folder: String) -> [String: stat] {
        var files: [String: stat] = [:]
        for case let entry as String in FileManager.default.enumerator(atPath: folder) ?? FileManager.default.enumerator(atPath: "/dev/null")! {
            var status = stat()
            if lstat(folder + "/" + entry, &status) == 0, status.st_mode & S_IFMT == S_IFREG { files[entry] = status }
        }
        return files
    }

    @Test func aSandboxedCompileBuildsNoModuleTheSeedHas() throws {
        let toolchain = try Toolchain.locate(cacheDirectory: nil)
        let lessonKit = try LessonKitLocation.locate(executable: BuildProducts.lessonsExecutable)
        let project = try TemporaryProject()
        defer { project.remove() }
        let folder = project.root
        let seed = try #require(ModuleCacheSeed.build(toolchain: toolchain, lessonKit: lessonKit, optimize: false))
        let seedFiles = Self.files(under: seed.path)
        #expect(seedFiles.keys.contains { $0.hasSuffix(".pcm") }, "the seed holds built modules: \(seedFiles.keys.sorted())")
        #expect(seedFiles.values.allSatisfy { $0.st_mode & 0o222 == 0 }, "the seed's files are read-only")

        let sandbox = try #require(Sandbox.locate(readOnlyPaths: [], imageMounts: []), "bubblewrap is installed")
        let compileSandbox = CompileSandbox(
            sandbox: sandbox, toolchain: toolchain, lessonKit: lessonKit, budgetSeconds: 60, memoryBytes: 2 << 30,
            moduleCache: seed)
        defer { compileSandbox.close() }
        let scratch = try #require(compileSandbox.scratch)
        #expect(compileSandbox.moduleCachePath == seed.path)
        #expect(seed.path.hasPrefix("/tmp/"), "every sandbox can mount a folder under its own /tmp")
        try "import LessonKit\nprint(Tensor([1.0, 2.0]))\n".write(toFile: folder.path + "/main.swift", atomically: false, encoding: .utf8)
        var compiler = SwiftCompiler(toolchain: toolchain, lessonKit: lessonKit)
        compiler.sandbox = compileSandbox
        let (errors, output) = try compiler.compile(
            source: folder.path + "/main.swift", executable: folder.path + "/lesson", workDirectory: folder.path)
        #expect(errors.isEmpty, "\(output)")
        // Every module the program needs came from the seed: no module file is new, none was rebuilt.
        let copyFiles = Self.files(under: scratch + "/modules")
        let built = copyFiles.keys.filter { $0.hasSuffix(".pcm") && seedFiles[$0] == nil }
        #expect(built.isEmpty, "modules rebuilt in the sandbox: \(built.sorted())")
        let elsewhere = Self.files(under: scratch).keys.filter { $0.hasSuffix(".pcm") && !$0.hasPrefix("modules/") }
        #expect(elsewhere.isEmpty, "modules built outside the seed's copy: \(elsewhere.sorted())")
        for (name, status) in copyFiles where name.hasSuffix(".pcm") {
            let original = try #require(seedFiles[name])
            #expect(status.st_mtim.tv_sec == original.st_mtim.tv_sec, "\(name) keeps its time")
            if geteuid() == 0 {
                // Shared with the seed only as a file the sandbox's user does not own and cannot write.
                #expect(status.st_ino == original.st_ino && status.st_uid == 0 && status.st_mode & 0o222 == 0, "\(name)")
            }
        }
    }

    @Test func theSeedsFolderGoesWithTheSeed() throws {
        let toolchain = try Toolchain.locate(cacheDirectory: nil)
        let lessonKit = try LessonKitLocation.locate(executable: BuildProducts.lessonsExecutable)
        var seed = ModuleCacheSeed.build(toolchain: toolchain, lessonKit: lessonKit, optimize: false)
        let path = try #require(seed?.path)
        #expect(FileManager.default.fileExists(atPath: path))
        seed = nil
        #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent))
    }
}

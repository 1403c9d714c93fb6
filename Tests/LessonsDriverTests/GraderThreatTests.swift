import Foundation
import Testing
import TestSupport

/// The classes of attack on the grader from docs/grading.md's threat model, one test each. Every attack is
/// mallory's `mean`, which returns the right answer only if the attack worked: a successful attack shows up as
/// mean's points (3). Her `variance` is honest (2 points) unless the attack ends her own run.
@Suite(.serialized) struct GraderThreatTests {
    static let honest = "xs.reduce(0, +) / Double(xs.count)"
    /// An environment variable of the grader's that no submission may see.
    static let secret = "hunter2-\(UUID().uuidString.prefix(8))"

    /// Grades mallory's attack; returns her points by exercise and the grade command's result.
    func attack(
        _ mean: String, signature: String? = nil, prepare: (GradingClass) throws -> Void = { _ in }, timeout: Double = 300,
        check: (GradingClass, [String: String], LessonsCommandRunner.Result) throws -> Void
    ) throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try prepare(grading)
        try grading.submit("mallory", mean: mean, variance: FixtureClass.correctVariance) { text in
            var text = text.replacingFirst("func mean(", with: "import Foundation\nfunc mean(")
            if let signature { text = text.replacingFirst("func mean(_ xs: [Double]) -> Double", with: signature) }
            return text
        }
        let result = try grading.lessons.run(
            ["grade", "--lesson", "means.md", "submissions"], environment: ["LESSONS_TEST_SECRET": Self.secret],
            timeout: timeout)
        #expect(result.status == 0, "\(result.standardError)")
        let page = try grading.feedback("mallory")
        #expect(!page.contains("does not compile"), "the attack must compile: \(page)")
        try check(grading, try grading.points()["mallory"] ?? [:], result)
    }

    @Test func theProgramRunsWithoutPrivilege() throws {
        try attack("""
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let effective = status.split(separator: "\\n").first { $0.hasPrefix("CapEff:") }?.split(separator: "\\t").last ?? ""
            let privileged = getuid() == 0 || geteuid() == 0 || effective != "0000000000000000"
            return privileged ? \(Self.honest) : 0
            """) { _, points, _ in
            #expect(points["mean"] == "0", "a uid of 0 or any capability inside the sandbox")
            #expect(points["variance"] == "2")
        }
    }

    @Test func theRuntimeAPICannotReportAPass() throws {
        try attack("""
            LessonRuntime.endCell(1)
            LessonRuntime.beginCell(2)
            LessonRuntime.endCell(2)
            LessonRuntime.reportPartialCredit(1)
            exit(0)
            """) { _, points, _ in
            #expect(points["mean"] == "0", "events from the student's process decide nothing")
        }
    }

    @Test func shadowingModulesDoesNotReplaceTheChecks() throws {
        try attack("""
                return 0
            }
            enum Swift {
                static func precondition(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "",
                    file: StaticString = #file, line: UInt = #line) {}
            }
            func unusedShadow() -> Double {
                return 0
            """) { _, points, _ in
            #expect(points["mean"] == "0", "the checks run in the checker, which holds no student code")
            #expect(points["variance"] == "2")
        }
    }

    @Test func anAlwaysEqualTypeIsReadAsTheInstructorsType() throws {
        try attack("""
                return Fake()
            }
            struct Fake: Codable {
                init() {}
                init(from decoder: any Decoder) throws {}
                func encode(to encoder: any Encoder) throws {
                    var container = encoder.singleValueContainer()
                    try container.encode("anything")
                }
            }
            func - (a: Fake, b: Double) -> Fake { a }
            func abs(_ x: Fake) -> Fake { x }
            func < (a: Fake, b: Double) -> Bool { true }
            func unusedFake() -> Double {
                return 0
            """, signature: "func mean(_ xs: [Double]) -> Fake") { _, points, _ in
            #expect(points["mean"] == "0", "the checker decodes a Double or fails the test")
            #expect(points["variance"] == "2")
        }
    }

    @Test func aTokenFoundInMemoryForgesNothing() throws {
        try attack("""
            let maps = (try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)) ?? ""
            let memory = open("/proc/self/mem", O_RDONLY)
            var candidates = Set<String>()
            for line in maps.split(separator: "\\n") where line.contains(" rw") {
                let bounds = line.split(separator: " ")[0].split(separator: "-").compactMap { UInt64($0, radix: 16) }
                guard bounds.count == 2, bounds[1] - bounds[0] < 64 << 20 else { continue }
                var buffer = [UInt8](repeating: 0, count: Int(bounds[1] - bounds[0]))
                let count = pread(memory, &buffer, buffer.count, off_t(bounds[0]))
                guard count > 0 else { continue }
                var run: [UInt8] = []
                for byte in buffer[0..<count] {
                    if (48...57).contains(byte) || (97...102).contains(byte) { run.append(byte); continue }
                    if (20...32).contains(run.count) { candidates.insert(String(decoding: run, as: UTF8.self)) }
                    run = []
                }
            }
            for token in candidates.prefix(5_000) {
                for line in ["end 1 \\(token) 0 -\\n", "start 2 \\(token)\\n", "end 2 \\(token) 0 -\\n"] {
                    _ = line.withCString { write(3, $0, strlen($0)) }
                }
            }
            return 0
            """) { _, points, _ in
            #expect(points["mean"] == "0", "no token decides anything")
            #expect(points["variance"] == "2")
        }
    }

    @Test func theProgramHoldsNoHiddenTestText() throws {
        try attack("""
            let binary = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe"))) ?? Data()
            // The message of the hidden check, built at run time so that this code does not hold it itself.
            let needle = Data(("should be " + String(3)).utf8)
            return binary.range(of: needle) != nil ? \(Self.honest) : 0
            """) { _, points, _ in
            #expect(points["mean"] == "0", "the hidden check's message is not compiled into the student's program")
            #expect(points["variance"] == "2")
        }
    }

    @Test func theHostFilesystemIsNotVisible() throws {
        try attack("""
            let project = ProcessInfo.processInfo.environment["LESSONS_WORKING_DIRECTORY"] ?? FileManager.default.currentDirectoryPath
            let secrets = [project + "/.git/HEAD", project + "/feedback/zoe/means.html", "/etc/shadow", "/etc/hostname",
                project + "/Lessons/means.md"]
            let readable = secrets.contains { (try? Data(contentsOf: URL(fileURLWithPath: $0)))?.isEmpty == false }
            // Another process's environment: the sandbox's first process is bubblewrap, started by the grader.
            let environ = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/1/environ"))) ?? Data()
            let leaked = readable || environ.range(of: Data(("hunter" + String(2)).utf8)) != nil
            return leaked ? \(Self.honest) : 0
            """, prepare: { grading in
            for (path, text) in [(".git/HEAD", "ref: refs/heads/secret\n"), ("feedback/zoe/means.html", "zoe's page\n")] {
                let url = grading.project.root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }) { _, points, _ in
            #expect(points["mean"] == "0", "only the allow-list is visible: no project, no /etc, no other process")
            #expect(points["variance"] == "2")
        }
    }

    @Test func theGradersEnvironmentAndDescriptorsStayOutside() throws {
        try attack("""
            let leakedVariable = ProcessInfo.processInfo.environment.values.contains { $0.contains("hunter" + String(2)) }
            var leakedDescriptor = false
            for descriptor in 5..<1024 where fcntl(Int32(descriptor), F_GETFD) != -1 {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\\(descriptor)")) ?? ""
                if !target.contains("lessons-cell") { leakedDescriptor = true }
            }
            return leakedVariable || leakedDescriptor ? \(Self.honest) : 0
            """) { _, points, _ in
            #expect(points["mean"] == "0", "a minimal environment and only the program's own pipes")
            #expect(points["variance"] == "2")
        }
    }

    @Test func hostUnixSocketsAreUnreachable() throws {
        // A short path (a socket's is at most 107 bytes), outside /tmp and outside the project.
        let path = "/run/lessons-test-\(UUID().uuidString.prefix(8)).sock"
        var listener: Int32 = -1
        defer {
            if listener >= 0 { close(listener) }
            unlink(path)
        }
        try attack("""
            let path = "\(path)"
            let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            _ = withUnsafeMutableBytes(of: &address.sun_path) { bytes in path.utf8CString.withUnsafeBytes { bytes.copyMemory(from: $0) } }
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            return connected == 0 ? \(Self.honest) : 0
            """, prepare: { grading in
            listener = try Self.listen(at: path)
        }) { _, points, _ in
            #expect(points["mean"] == "0", "no socket of the host is reachable")
            #expect(points["variance"] == "2")
        }
    }

    @Test func aForkBombIsCappedForTheWholeSubmission() throws {
        try attack("""
            var children: [pid_t] = []
            for _ in 0..<1_000 {
                let child = fork()
                if child == 0 { pause(); _exit(0) }
                if child < 0 { break }
                children.append(child)
            }
            for child in children { kill(child, SIGKILL) }
            return children.count >= 1_000 ? \(Self.honest) : 0
            """) { _, points, _ in
            #expect(points["mean"] == "0", "the process limit holds for every process of the submission")
            #expect(points["variance"] == "2")
        }
    }

    @Test func memoryIsCappedAcrossProcesses() throws {
        // The six children must hold their memory at the same time: each says so on `ready` once its 400 MB are
        // written, then waits for `release`. Holding for a fixed second instead let a busy machine stagger them
        // (the first had exited before the last had written its block), so the cap was never reached.
        try attack("""
            var ready: [Int32] = [0, 0], release: [Int32] = [0, 0]
            guard pipe(&ready) == 0, pipe(&release) == 0 else { return \(Self.honest) }
            var children: [pid_t] = []
            for _ in 0..<6 {
                let child = fork()
                if child == 0 {
                    close(release[1])
                    close(ready[0])
                    let size = 400 << 20
                    guard let block = malloc(size) else { _exit(1) }
                    memset(block, 1, size)
                    var byte: UInt8 = 1
                    _ = write(ready[1], &byte, 1)
                    _ = read(release[0], &byte, 1)  // until the parent closes `release`
                    _exit(0)
                }
                children.append(child)
            }
            close(ready[1])
            _ = fcntl(ready[0], F_SETFL, O_NONBLOCK)
            // All six holding at once: the cap failed. One of them killed: it held. Neither within 12 s (the cell's
            // wall budget is 17 s): the attack proves nothing, and reports a pass so that the test fails loudly.
            var holding = 0, killed = false
            let deadline = Date().addingTimeInterval(12)
            while holding < 6 && !killed && Date() < deadline {
                var byte: UInt8 = 0
                if read(ready[0], &byte, 1) == 1 { holding += 1; continue }
                var status: Int32 = 0
                if waitpid(-1, &status, WNOHANG) > 0 { killed = true }
                usleep(5_000)
            }
            close(release[1])
            for child in children where child > 0 {
                var status: Int32 = 0
                waitpid(child, &status, 0)
            }
            return killed && !children.contains { $0 < 0 } ? 0 : \(Self.honest)
            """) { _, points, _ in
            #expect(points["mean"] == "0", "six processes of 400 MB each (each under its own limit) exceed the submission's 2 GB")
            #expect(points["variance"] == "2")
        }
    }

    @Test func diskIsCappedInTheWorkFolderAndTmp() throws {
        try attack("""
            // Files of 20 MB each stay under any per-file limit; eight of them in each folder make 160 MB.
            let block = Data(repeating: 7, count: 20 << 20)
            var written = 0
            // The writable folder the grader gives the program (its output folder, or its working folder), and /tmp.
            let scratch = ProcessInfo.processInfo.environment["LESSONS_OUTPUT_DIR"] ?? FileManager.default.currentDirectoryPath
            for folder in [scratch, "/tmp"] {
                for index in 0..<8 where (try? block.write(to: URL(fileURLWithPath: "\\(folder)/fill-\\(index)"))) != nil {
                    written += 1
                }
            }
            return written == 16 ? \(Self.honest) : 0
            """) { _, points, _ in
            #expect(points["mean"] == "0", "160 MB do not fit in the work folder nor in /tmp")
            #expect(points["variance"] == "2")
        }
    }

    @Test func anAtexitLoopDoesNotHangTheGrader() throws {
        let start = Date()
        try attack("""
                return \(Self.honest)
            }
            // Registered by the program itself (top-level code), so that its own exit never ends.
            let looping: Int32 = atexit { while true { sleep(1) } }
            func unusedExit() -> Double {
                return 0
            """, timeout: 120) { _, points, result in
            #expect(result.status == 0, "the grader finished on its own")
            #expect(points["mean"] == "3")
        }
        #expect(Date().timeIntervalSince(start) < 100)
    }

    @Test func noSubmissionRunsTwice() throws {
        try attack("""
                if !ranBefore { fatalError("first run: crash, so that a grader that runs again shows itself") }
                return \(Self.honest)
            }
            let scratch = ProcessInfo.processInfo.environment["LESSONS_OUTPUT_DIR"] ?? FileManager.default.currentDirectoryPath
            let ranBefore = FileManager.default.fileExists(atPath: scratch + "/ran-once")
            let marked = FileManager.default.createFile(atPath: scratch + "/ran-once", contents: nil)
            func unusedRun() -> Double {
                return 0
            """) { _, points, _ in
            #expect(points["mean"] == "0", "each submission's program runs exactly once")
            #expect(points["variance"] == "2")
        }
    }

    @Test func hiddenTestInputsDoNotReachTheFeedback() throws {
        try attack("""
            print("printed: \\(xs)")
            if xs.count == 3 && xs[0] < 0 { exit(3) }
            fatalError("trapped: \\(xs)")
            """) { grading, points, _ in
            #expect(points["mean"] == "0")
            let page = try grading.feedback("mallory")
            #expect(page.contains("trapped: [1.0, 2.0, 3.0]"), "a visible test's own message helps the student")
            #expect(!page.contains("-4.0, 4.0, 9.0"), "what the code printed or trapped with in a hidden test stays out")
        }
    }

    /// A Unix socket listening at `path` (the caller closes it).
    static func listen(at path: String) throws -> Int32 {
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        _ = withUnsafeMutableBytes(of: &address.sun_path) { bytes in
            path.utf8CString.withUnsafeBytes { bytes.copyMemory(from: $0) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, Glibc.listen(listener, 8) == 0 else {
            close(listener)
            throw CocoaError(.fileWriteUnknown, userInfo: ["path": path])
        }
        chmod(path, 0o777)
        return listener
    }
}
